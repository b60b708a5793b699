#include "codecommands.h"

#include "camera/barcodedecoder.h"
#include "core/codes.h"
#include "core/couponcode.h"
#include "core/membercode.h"
#include "core/storerules.h"
#include "ledger/ledger.h"
#include "printer/escpos.h"
#include "services/chainkeys.h"
#include "services/couponpool.h"

#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QRandomGenerator>

#include <cstring>
#include <limits>
#include <tuple>

namespace smartpos::admin {

namespace {

constexpr int pngModulePixels = 8;

// Local time with its offset from UTC: "2026-05-01T00:00:00+08:00".
QString timeText(qint64 unixSeconds)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(unixSeconds);
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

// An ISO 8601 time ("2026-05-01T12:00:00+08:00"; without an offset, local time) or a date, which
// means the start of that day in local time, or with `endOfDay` the start of the next one.
std::optional<qint64> parseTime(const QString &text, bool endOfDay = false)
{
    // QDate alone would also read the date at the start of a time.
    const QDate date = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (date.isValid())
        return date.addDays(endOfDay ? 1 : 0).startOfDay().toSecsSinceEpoch();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    return time.toSecsSinceEpoch();
}

// --at, or now.
bool judgedAt(const Invocation &invocation, qint64 *at)
{
    if (!invocation.isSet(QStringLiteral("at"))) {
        *at = QDateTime::currentSecsSinceEpoch();
        return true;
    }
    const auto time = parseTime(invocation.value(QStringLiteral("at")));
    if (!time) {
        usage(QStringLiteral("--at: “%1” is not an ISO 8601 time such as 2026-05-01T12:00:00+08:00")
                  .arg(invocation.value(QStringLiteral("at"))),
              invocation.command);
        return false;
    }
    *at = *time;
    return true;
}

// The data folder's code keys; `needsMemberSecret` for member codes. Nothing after saying why.
std::optional<ChainKeys> loadKeys(const Invocation &invocation, bool needsMemberSecret = false)
{
    Result<ChainKeys> keys = ChainKeys::load(invocation.dataDir);
    if (!keys) {
        fail(keys.error().message);
        return std::nullopt;
    }
    if (needsMemberSecret && keys->memberSecret.isEmpty()) {
        fail(QStringLiteral("There is no member-secret in %1.")
                 .arg(ChainKeys::folder(invocation.dataDir)));
        return std::nullopt;
    }
    return *std::move(keys);
}

// "12.5%" for 1250 basis points.
QString percentText(qint64 basisPoints)
{
    QString text = Money::fromFen(basisPoints).toString();
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text + u'%';
}

QStringList describeCoupon(const Coupon &coupon, quint32 keyId)
{
    const QString yuan = QStringLiteral("¥%1");
    QString what;
    switch (coupon.kind) {
    case Coupon::Kind::Cash:
        what = QStringLiteral("cash coupon: %1 off")
                   .arg(yuan.arg(Money::fromFen(coupon.value).toString()));
        break;
    case Coupon::Kind::Percent:
        what = QStringLiteral("percent coupon: %1 off").arg(percentText(coupon.value));
        break;
    case Coupon::Kind::Threshold:
        what = QStringLiteral("threshold coupon: %1 off once the eligible lines reach %2")
                   .arg(yuan.arg(Money::fromFen(coupon.value).toString()),
                        yuan.arg(coupon.minSpend.toString()));
        break;
    case Coupon::Kind::Item:
        what = QStringLiteral("item coupon: %1 × %2 free").arg(coupon.value).arg(coupon.sku);
        break;
    }
    QStringList lines = {QStringLiteral("coupon %1, campaign %2, key %3")
                             .arg(coupon.id)
                             .arg(coupon.campaign)
                             .arg(CouponKey::idText(keyId)),
                         QStringLiteral("  ") + what};
    if (coupon.kind != Coupon::Kind::Item && !coupon.sku.isEmpty())
        lines.append(QStringLiteral("  only on product %1").arg(coupon.sku));
    if (!coupon.category.isEmpty())
        lines.append(QStringLiteral("  only on category %1").arg(coupon.category));
    if (coupon.kind != Coupon::Kind::Threshold && !coupon.minSpend.isZero())
        lines.append(
            QStringLiteral("  minimum spend %1").arg(yuan.arg(coupon.minSpend.toString())));
    lines.append(QStringLiteral("  valid %1 %2")
                     .arg(coupon.validFrom ? QStringLiteral("from ") + timeText(coupon.validFrom)
                                           : QStringLiteral("from issue"),
                          coupon.validUntil ? QStringLiteral("until ") + timeText(coupon.validUntil)
                                            : QStringLiteral("with no end")));
    lines.append(coupon.member.isEmpty()
                     ? QStringLiteral("  bearer: whoever shows it")
                     : QStringLiteral("  for member %1 only").arg(coupon.member));
    return lines;
}

// "38 characters, QR version 3 (29×29 modules, level M)": what a phone has to show.
QString sizeText(const QString &code)
{
    const int modules = escpos::qrBitmap(code.toLatin1(), 1, escpos::QrErrorLevel::M).width - 8;
    return QStringLiteral("  %1 characters, QR version %2 (%3×%3 modules, level M)")
        .arg(code.size())
        .arg((modules - 17) / 4)
        .arg(modules);
}

// Prints the code's size, writes its QR code when --png is set, then prints the code alone on
// the last line.
int printCode(const Invocation &invocation, const QString &code)
{
    print(sizeText(code));
    if (invocation.isSet(QStringLiteral("png"))) {
        const QString file = invocation.value(QStringLiteral("png"));
        const escpos::MonoBitmap qr =
            escpos::qrBitmap(code.toLatin1(), pngModulePixels, escpos::QrErrorLevel::M);
        QImage image(qr.width, qr.height, QImage::Format_Mono);
        image.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)}); // the bitmap's 1 is black
        const int rowBytes = (qr.width + 7) / 8;
        for (int y = 0; y < qr.height; ++y)
            std::memcpy(image.scanLine(y), qr.rows.constData() + qsizetype(y) * rowBytes, rowBytes);
        if (!image.save(file, "PNG"))
            return fail(QStringLiteral("Cannot write %1. Check that its folder exists and is "
                                       "writable.")
                            .arg(file));
        print(QStringLiteral("  QR code written to %1 (%2×%2 pixels)").arg(file).arg(qr.width));
    }
    print(code);
    return Done;
}

// ---------------------------------------------------------------------------------------------

int codesKeygen(const Invocation &invocation)
{
    const Result<ChainKeys> keys = ChainKeys::create(invocation.dataDir);
    if (!keys)
        return fail(keys.error().message);
    print(QStringLiteral("made the demo chain's code keys in %1:")
              .arg(ChainKeys::folder(invocation.dataDir)));
    print(QStringLiteral("  coupon-signing.pem  the Ed25519 private key that signs coupons (in a "
                         "store only the cloud has it)"));
    print(
        QStringLiteral("  coupon-keys.pem     its public key, id %1: what tills check coupons with")
            .arg(CouponKey::idText(keys->signer->publicKey().id())));
    print(QStringLiteral("  member-secret       the member-code secret: each member's key is "
                         "derived from it"));
    print(QStringLiteral("each readable by this user only (0600)"));
    return Done;
}

int codesMember(const Invocation &invocation)
{
    const QString member = invocation.value(QStringLiteral("member"));
    if (!isMemberId(member))
        return usage(QStringLiteral("--member: “%1” is not a member id (1 to 32 letters, digits, "
                                    "- or _)")
                         .arg(member),
                     invocation.command);
    qint64 at = 0;
    if (!judgedAt(invocation, &at))
        return Usage;
    const auto keys = loadKeys(invocation, true);
    if (!keys)
        return Failed;
    const qint64 step = memberCodeStep(at);
    print(
        QStringLiteral("member %1, time step %2: shown from %3 to %4, accepted by a till until %5")
            .arg(member)
            .arg(step)
            .arg(timeText(step * memberCodeStepSeconds),
                 timeText((step + 1) * memberCodeStepSeconds),
                 timeText((step + 2) * memberCodeStepSeconds)));
    return printCode(invocation,
                     memberCode(memberCodeKey(keys->memberSecret, member), member, step));
}

// The coupon the options describe (--kind, --value, --min-spend, --sku, --category, --valid-from,
// --valid-until, --campaign, --member, --id); nothing after printing the usage message. Without
// --id, the serial is random.
std::optional<Coupon> couponFromOptions(const Invocation &invocation)
{
    const Command *command = invocation.command;
    const auto refuse = [](const QString &message, const Command *of) -> std::optional<Coupon> {
        usage(message, of);
        return std::nullopt;
    };
    const QString kindName = invocation.value(QStringLiteral("kind"));
    const QString valueText = invocation.value(QStringLiteral("value"));
    static const QHash<QString, Coupon::Kind> kinds = {
        {QStringLiteral("cash"), Coupon::Kind::Cash},
        {QStringLiteral("percent"), Coupon::Kind::Percent},
        {QStringLiteral("threshold"), Coupon::Kind::Threshold},
        {QStringLiteral("item"), Coupon::Kind::Item},
    };
    if (!kinds.contains(kindName))
        return refuse(
            QStringLiteral("--kind: “%1” is not cash, percent, threshold or item").arg(kindName),
            command);
    Coupon coupon;
    coupon.kind = kinds.value(kindName);
    coupon.sku = invocation.value(QStringLiteral("sku"));
    coupon.category = invocation.value(QStringLiteral("category"));
    coupon.member = invocation.value(QStringLiteral("member"));

    // Yuan for cash and threshold; percent in hundredths (basis points) for percent, as Money
    // reads two decimals; whole units for item.
    bool valueRead = true;
    if (coupon.kind == Coupon::Kind::Item) {
        bool ok = false;
        coupon.value = valueText.toLongLong(&ok);
        valueRead = ok && valueText.trimmed() == valueText;
    } else {
        const std::optional<Money> amount = Money::parse(valueText);
        coupon.value = amount ? amount->fen : 0;
        valueRead = amount.has_value();
    }
    qint64 campaign = 0;
    if (!invocation.number(QStringLiteral("campaign"), 0, std::numeric_limits<quint32>::max(), 0,
                           &campaign))
        return std::nullopt;
    coupon.campaign = quint32(campaign);
    if (invocation.isSet(QStringLiteral("min-spend"))) {
        const auto minSpend = Money::parse(invocation.value(QStringLiteral("min-spend")));
        if (!minSpend)
            return refuse(QStringLiteral("--min-spend: “%1” is not an amount in yuan such as 20 "
                                         "or 19.90")
                              .arg(invocation.value(QStringLiteral("min-spend"))),
                          command);
        coupon.minSpend = *minSpend;
    }
    for (const auto &[option, endOfDay, into] :
         {std::tuple{QStringLiteral("valid-from"), false, &coupon.validFrom},
          std::tuple{QStringLiteral("valid-until"), true, &coupon.validUntil}}) {
        if (!invocation.isSet(option))
            continue;
        const auto time = parseTime(invocation.value(option), endOfDay);
        if (!time)
            return refuse(QStringLiteral("--%1: “%2” is not a date (2026-05-31) or an ISO 8601 "
                                         "time (2026-05-31T18:00:00+08:00)")
                              .arg(option, invocation.value(option)),
                          command);
        *into = *time;
    }
    if (invocation.isSet(QStringLiteral("id"))) {
        bool ok = false;
        coupon.id = invocation.value(QStringLiteral("id")).toULongLong(&ok);
        if (!ok || coupon.id == 0)
            return refuse(QStringLiteral("--id: “%1” is not a number from 1 to %2")
                              .arg(invocation.value(QStringLiteral("id")))
                              .arg(std::numeric_limits<quint64>::max()),
                          command);
    }
    while (coupon.id == 0)
        coupon.id = QRandomGenerator::system()->generate64();

    const QString valueRule =
        coupon.kind == Coupon::Kind::Percent ? QStringLiteral("a percent above 0, at most 100, "
                                                              "such as 10 or 12.5")
        : coupon.kind == Coupon::Kind::Item
            ? QStringLiteral("a number of units from 1 to %1").arg(MoneyLimits::ceiling.fen)
            : QStringLiteral("an amount in yuan above 0, at most %1, such as 5 or 5.50")
                  .arg(MoneyLimits::ceiling.toString());
    switch (valueRead ? couponProblem(coupon) : CouponProblem::BadValue) {
    case CouponProblem::None:
        break;
    case CouponProblem::NoId: // made non-zero above
    case CouponProblem::BadKind:
    case CouponProblem::BadValue:
        return refuse(QStringLiteral("--value: “%1” is not %2").arg(valueText, valueRule), command);
    case CouponProblem::BadMinSpend:
        return refuse(coupon.kind == Coupon::Kind::Threshold
                          ? QStringLiteral("--min-spend: a threshold coupon needs the spend it "
                                           "starts at (above 0)")
                          : QStringLiteral("--min-spend: at least 0 and at most %1")
                                .arg(MoneyLimits::ceiling.toString()),
                      command);
    case CouponProblem::NoSku:
        return refuse(QStringLiteral("--sku: an item coupon needs the product it gives"), command);
    case CouponProblem::BadText:
        return refuse(QStringLiteral("--sku, --category: at most 64 bytes of text, without control "
                                     "characters or spaces around it"),
                      command);
    case CouponProblem::BadMember:
        return refuse(QStringLiteral("--member: “%1” is not a member id (1 to 32 letters, digits, "
                                     "- or _)")
                          .arg(coupon.member),
                      command);
    case CouponProblem::BadValidity:
        return refuse(QStringLiteral("--valid-until must be after --valid-from, both between 1970 "
                                     "and 9999"),
                      command);
    }
    return coupon;
}

// The keys with the private one that signs coupons; nothing after saying why.
std::optional<ChainKeys> signingKeys(const Invocation &invocation)
{
    std::optional<ChainKeys> keys = loadKeys(invocation);
    if (keys && !keys->signer) {
        fail(QStringLiteral("There is no coupon-signing.pem in %1: this till can check coupons "
                            "but not issue them.")
                 .arg(ChainKeys::folder(invocation.dataDir)));
        return std::nullopt;
    }
    return keys;
}

int codesCoupon(const Invocation &invocation)
{
    const std::optional<Coupon> coupon = couponFromOptions(invocation);
    if (!coupon)
        return Usage;
    const auto keys = signingKeys(invocation);
    if (!keys)
        return Failed;
    const std::optional<QString> code = keys->signer->sign(*coupon);
    if (!code)
        return fail(QStringLiteral("OpenSSL could not sign the coupon."));
    for (const QString &line : describeCoupon(*coupon, keys->signer->publicKey().id()))
        print(line);
    return printCode(invocation, *code);
}

int codesPool(const Invocation &invocation)
{
    std::optional<Coupon> coupon = couponFromOptions(invocation);
    if (!coupon)
        return Usage;
    qint64 count = 0;
    if (!invocation.number(QStringLiteral("count"), 1, 1'000'000, 0, &count))
        return Usage;
    if (coupon->campaign == 0)
        return usage(QStringLiteral("--campaign: a pool is for one campaign, 1 to 4294967295"),
                     invocation.command);
    // Serials of their own per campaign, unless given: campaign × 10⁷ + 1 onwards.
    const quint64 firstDefault = quint64(coupon->campaign) * 10'000'000 + 1;
    bool ok = true;
    const quint64 first = invocation.isSet(QStringLiteral("first-id"))
                              ? invocation.value(QStringLiteral("first-id")).toULongLong(&ok)
                              : firstDefault;
    if (!ok || first == 0 || first > std::numeric_limits<quint64>::max() - quint64(count))
        return usage(QStringLiteral("--first-id: “%1” is not a number from 1 to %2 less the count")
                         .arg(invocation.value(QStringLiteral("first-id")))
                         .arg(std::numeric_limits<quint64>::max()),
                     invocation.command);
    const auto keys = signingKeys(invocation);
    if (!keys)
        return Failed;
    QStringList codes;
    codes.reserve(count);
    for (qint64 i = 0; i < count; ++i) {
        coupon->id = first + quint64(i);
        const std::optional<QString> code = keys->signer->sign(*coupon);
        if (!code)
            return fail(QStringLiteral("OpenSSL could not sign coupon %1.").arg(coupon->id));
        codes.append(*code);
    }
    const PoolCampaign campaign{coupon->campaign, invocation.value(QStringLiteral("name-zh")),
                                invocation.value(QStringLiteral("name-en")), int(count)};
    if (const Status written = CouponPool::write(invocation.dataDir, campaign, codes,
                                                 invocation.isSet(QStringLiteral("replace")));
        !written)
        return fail(written.error().message);
    for (const QString &line : describeCoupon(*coupon, keys->signer->publicKey().id()))
        print(line);
    print(QStringLiteral("%1 coupons, serials %2 to %3, in %4")
              .arg(count)
              .arg(first)
              .arg(coupon->id)
              .arg(QDir(CouponPool::folder(invocation.dataDir))
                       .filePath(CouponPool::fileName(campaign.campaign))));
    return Done;
}

// What the till decides about a coupon code, and why; true when it takes it.
bool judgeCoupon(QStringView code, const ChainKeys &keys, qint64 at, Ledger *ledger)
{
    using Verdict = CouponCheck::Verdict;
    const CouponCheck check = checkCouponCode(code, keys.couponKeys, at);
    if (check.verdict != Verdict::Malformed) {
        QStringList lines = describeCoupon(check.coupon, check.keyId);
        if (check.verdict == Verdict::Forged || check.verdict == Verdict::WrongKey)
            lines.first() += QStringLiteral(" (as the code claims)");
        for (const QString &line : lines)
            print(line);
    }
    QStringList trusted;
    for (const CouponKey &key : keys.couponKeys)
        trusted.append(CouponKey::idText(key.id()));
    const QString when = timeText(at);
    if (check.verdict == Verdict::Valid && ledger) {
        const Result<bool> used = ledger->couponRedeemed(check.coupon.id);
        if (!used) {
            print(
                QStringLiteral("(whether it was used is not known: %1)").arg(used.error().message));
        } else if (*used) {
            print(QStringLiteral("used: a sale at this till wrote coupon %1 off already")
                      .arg(check.coupon.id));
            return false;
        }
    }
    switch (check.verdict) {
    case Verdict::Valid:
        print(QStringLiteral("valid at %1: signed with the chain's key %2. A till still refuses "
                             "it once it was used%3.")
                  .arg(when, CouponKey::idText(check.keyId),
                       check.coupon.member.isEmpty()
                           ? QString()
                           : QStringLiteral(", or in a sale without member %1")
                                 .arg(check.coupon.member)));
        return true;
    case Verdict::Malformed:
        print(QStringLiteral("malformed: not a SmartPOS coupon code this version can read, or not "
                             "read whole"));
        break;
    case Verdict::WrongKey:
        print(QStringLiteral("wrong key: signed with key %1; this till trusts %2")
                  .arg(CouponKey::idText(check.keyId), trusted.isEmpty()
                                                           ? QStringLiteral("none")
                                                           : trusted.join(QStringLiteral(", "))));
        break;
    case Verdict::Forged:
        print(QStringLiteral("forged: the signature does not match what the code says (altered, "
                             "or not signed with key %1)")
                  .arg(CouponKey::idText(check.keyId)));
        break;
    case Verdict::Expired:
        print(QStringLiteral("expired: valid until %1, judged at %2")
                  .arg(timeText(check.coupon.validUntil), when));
        break;
    case Verdict::NotYetValid:
        print(QStringLiteral("not yet valid: valid from %1, judged at %2")
                  .arg(timeText(check.coupon.validFrom), when));
        break;
    case Verdict::WrongMember: // decided by the sale
    case Verdict::Used:
        break;
    }
    return false;
}

bool judgeMember(QStringView code, const ChainKeys &keys, qint64 at, Ledger *ledger)
{
    using Verdict = MemberCodeCheck::Verdict;
    MemberCodeCheck check = checkMemberCode(code, keys.memberSecret, at);
    if (check.verdict == Verdict::Valid && ledger) {
        const Result<std::optional<qint64>> last = ledger->lastMemberCodeStep(check.member);
        if (!last)
            print(
                QStringLiteral("(whether it was used is not known: %1)").arg(last.error().message));
        else
            check.verdict = memberVerdictForSale(check, *last);
    }
    if (check.verdict != Verdict::Malformed)
        print(QStringLiteral("member %1, time step %2 (shown from %3)%4")
                  .arg(check.member)
                  .arg(check.step)
                  .arg(timeText(check.step * memberCodeStepSeconds),
                       check.verdict == Verdict::Forged ? QStringLiteral(" (as the code claims)")
                                                        : QString()));
    const QString when =
        QStringLiteral("%1 (time step %2)").arg(timeText(at)).arg(memberCodeStep(at));
    switch (check.verdict) {
    case Verdict::Valid:
        print(QStringLiteral("valid at %1. A till accepts it for one sale only.").arg(when));
        return true;
    case Verdict::Malformed:
        print(QStringLiteral("malformed: not a SmartPOS member code, or not read whole"));
        break;
    case Verdict::Forged:
        print(QStringLiteral("forged: the tag does not match member %1's key (altered, or not made "
                             "with this chain's member secret)")
                  .arg(check.member));
        break;
    case Verdict::Expired:
        print(QStringLiteral("expired: its time step is more than one step (30 s) before the "
                             "till's at %1; an old code or a screenshot")
                  .arg(when));
        break;
    case Verdict::NotYetValid:
        print(QStringLiteral("not yet valid: its time step is more than one step (30 s) after "
                             "the till's at %1; the phone's clock is ahead")
                  .arg(when));
        break;
    case Verdict::Used:
        print(QStringLiteral("used: a sale at this till accepted this member code, or a newer "
                             "one; the member shows the next code"));
        break;
    }
    return false;
}

// The data folder's ledger, read-only, for what only it knows (a coupon or member code used);
// null when there is none or it cannot be read, after saying so.
std::unique_ptr<Ledger> ledgerToAsk(const Invocation &invocation)
{
    if (!QFileInfo::exists(QDir(invocation.dataDir).filePath(Ledger::fileName())))
        return nullptr;
    auto ledger = std::make_unique<Ledger>();
    if (const Status opened = ledger->openReadOnly(invocation.dataDir, invocation.resolvedKeyDir());
        !opened) {
        print(
            QStringLiteral("(whether it was used is not checked: %1)").arg(opened.error().message));
        return nullptr;
    }
    return ledger;
}

int codesVerify(const Invocation &invocation)
{
    qint64 at = 0;
    if (!judgedAt(invocation, &at))
        return Usage;
    QString code = invocation.arguments.first();
    if (invocation.isSet(QStringLiteral("image"))) {
        const QString file = code;
        QImageReader reader(file);
        const QImage image = reader.read();
        if (image.isNull())
            return fail(QStringLiteral("%1 cannot be read as an image: %2")
                            .arg(file, reader.errorString()));
        // The camera scanner's decoder, as for any frame.
        const QList<devices::DecodedBarcode> found = devices::BarcodeDecoder().decode(image);
        if (found.isEmpty())
            return fail(QStringLiteral("No QR code or barcode found in %1.").arg(file));
        code = found.first().text;
    }
    const ClassifiedCode classified = classifyCode(code, {});
    if (classified.kind != CodeKind::Coupon && classified.kind != CodeKind::Member) {
        // displayText: a payment code among them is shown masked.
        print(QStringLiteral("malformed: %1 is not a member or coupon code")
                  .arg(classified.displayText));
        return Failed;
    }
    const auto keys = loadKeys(invocation, classified.kind == CodeKind::Member);
    if (!keys)
        return Failed;
    const QStringView trimmed = QStringView(code).trimmed();
    const std::unique_ptr<Ledger> ledger = ledgerToAsk(invocation);
    const bool valid = classified.kind == CodeKind::Coupon
                           ? judgeCoupon(trimmed, *keys, at, ledger.get())
                           : judgeMember(trimmed, *keys, at, ledger.get());
    return valid ? Done : Failed;
}

const Option pngOption{QStringLiteral("png"), QStringLiteral("FILE"),
                       QStringLiteral("also write the code's QR code to FILE (PNG, 8 pixels a "
                                      "module)")};

} // namespace

QList<Command> codeCommands()
{
    const Option at{QStringLiteral("at"), QStringLiteral("ISO-TIME"),
                    QStringLiteral("judge at this time, such as 2026-05-01T12:00:00+08:00 "
                                   "(default: now)")};
    // What a coupon is: for codes coupon and codes pool.
    const QList<Option> couponOptions = {
        {QStringLiteral("kind"), QStringLiteral("KIND"),
         QStringLiteral("cash (代金券), percent (折扣券), threshold (满减券) or item (提货券)"),
         true},
        {QStringLiteral("value"), QStringLiteral("V"),
         QStringLiteral("yuan off for cash and threshold (5 or 5.50), percent off for percent "
                        "(10: 10 % off, 九折), units free for item"),
         true},
        {QStringLiteral("min-spend"), QStringLiteral("V"),
         QStringLiteral("yuan the eligible lines must reach (needed for threshold)")},
        {QStringLiteral("sku"), QStringLiteral("SKU"),
         QStringLiteral("item: the product given; otherwise the only product it applies to")},
        {QStringLiteral("category"), QStringLiteral("C"),
         QStringLiteral("only products of this category count")},
        {QStringLiteral("valid-from"), QStringLiteral("DATE"),
         QStringLiteral("first day (default: from issue)")},
        {QStringLiteral("valid-until"), QStringLiteral("DATE"),
         QStringLiteral("last day (default: no end)")}};
    return {
        {{QStringLiteral("codes"), QStringLiteral("keygen")},
         {},
         QStringLiteral("make the demo chain's coupon key pair and member-code secret"),
         QStringLiteral("Makes the chain's code keys in <data folder>/codes/: an Ed25519 key pair "
                        "for coupons (coupon-signing.pem, coupon-keys.pem) and the member-code "
                        "secret (member-secret), each 0600. Refuses, changing nothing, when the "
                        "folder already holds anything: keys are never replaced. In a store the "
                        "till holds only the public key and the member secret; the cloud signs "
                        "coupons. See docs/codes.md."),
         {},
         {},
         codesKeygen},
        {{QStringLiteral("codes"), QStringLiteral("member")},
         QStringLiteral("--member ID [--at ISO-TIME] [--png FILE]"),
         QStringLiteral("the member code a member's phone shows now (or at --at)"),
         QStringLiteral("Prints the member code (SPM1) that member ID's app shows at that moment, "
                        "made with the member's key derived from member-secret: its 30 s time "
                        "step, until when a till accepts it, and its size, then the code alone on "
                        "the last line."),
         {{QStringLiteral("member"), QStringLiteral("ID"),
           QStringLiteral("the member id: 1 to 32 letters, digits, - or _"), true},
          at,
          pngOption},
         {},
         codesMember},
        {{QStringLiteral("codes"), QStringLiteral("coupon")},
         QStringLiteral("--kind cash|percent|threshold|item --value V [--min-spend V] [--sku SKU] "
                        "[--category C] [--valid-from DATE] [--valid-until DATE] [--campaign ID] "
                        "[--member ID] [--id N] [--png FILE]"),
         QStringLiteral("sign a coupon code with the chain's key"),
         QStringLiteral("Signs a coupon (SPC1) with coupon-signing.pem and prints what it holds "
                        "and its size, then the code alone on the last line.\n"
                        "A DATE is a day in local time (2026-05-31: --valid-from from its start, "
                        "--valid-until to its end) or an ISO 8601 time."),
         couponOptions
             + QList<
                 Option>{{QStringLiteral("campaign"), QStringLiteral("ID"),
                          QStringLiteral("the campaign, 0 to 4294967295 (default 0)")},
                         {QStringLiteral("member"), QStringLiteral("ID"),
                          QStringLiteral(
                              "bind it to this member (default: bearer, whoever shows it)")},
                         {QStringLiteral("id"), QStringLiteral("N"),
                          QStringLiteral(
                              "the coupon's serial, 1 to 18446744073709551615 (default: random)")},
                         pngOption},
         {},
         codesCoupon},
        {{QStringLiteral("codes"), QStringLiteral("pool")},
         QStringLiteral("--campaign ID --count N --kind KIND --value V [--min-spend V] [--sku SKU] "
                        "[--category C] [--valid-from DATE] [--valid-until DATE] [--first-id N] "
                        "[--name-zh TEXT] [--name-en TEXT] [--replace]"),
         QStringLiteral("sign a campaign's pool of face-to-face coupons (面对面送券)"),
         QStringLiteral("Signs N bearer coupons of one campaign, serials --first-id onwards "
                        "(default: campaign × 10000000 + 1), and writes them to "
                        "<data folder>/codes/pool/<campaign>.pool (0600), from which the cashier "
                        "hands them out with a sale (Ctrl+G). Refuses to replace a campaign's pool "
                        "unless --replace. The coupon options are those of codes coupon."),
         QList<Option>{{QStringLiteral("campaign"), QStringLiteral("ID"),
                        QStringLiteral("the campaign, 1 to 4294967295"), true},
                       {QStringLiteral("count"), QStringLiteral("N"),
                        QStringLiteral("how many coupons, 1 to 1000000"), true}}
             + couponOptions
             + QList<Option>{{QStringLiteral("first-id"), QStringLiteral("N"),
                              QStringLiteral("the first coupon's serial")},
                             {QStringLiteral("name-zh"), QStringLiteral("TEXT"),
                              QStringLiteral("the campaign's name in Chinese, for the cashier")},
                             {QStringLiteral("name-en"), QStringLiteral("TEXT"),
                              QStringLiteral("the campaign's name in English")},
                             {QStringLiteral("replace"),
                              {},
                              QStringLiteral("replace the campaign's existing pool")}},
         {},
         codesPool},
        {{QStringLiteral("codes"), QStringLiteral("verify")},
         QStringLiteral("[--at ISO-TIME] CODE | [--at ISO-TIME] --image FILE.png"),
         QStringLiteral("what a till would decide about a member or coupon code, and why"),
         QStringLiteral("Checks a member or coupon code with the keys in <data folder>/codes/ as a "
                        "till does offline, and prints what it holds (when it can be read) and "
                        "the decision: valid, malformed, wrong key, forged, expired, not yet "
                        "valid or used, with the reason. With --image the code is read from a "
                        "picture through the camera scanner's decoder. Used is the ledger's to "
                        "say: the data folder's ledger is read (read-only, beside a running "
                        "till) when there is one. Exits 0 only when valid."),
         {at,
          {QStringLiteral("image"),
           {},
           QStringLiteral("the argument is a picture of the code (PNG, JPEG…), not the code")}},
         {QStringLiteral("CODE")},
         codesVerify},
    };
}

} // namespace smartpos::admin
