#include "cloudcli.h"

#include "cloudserver.h"
#include "cloudstore.h"
#include "ledger/catalogcsv.h"
#include "ledger/database.h"
#include "ledger/membercsv.h"
#include "selfsigned.h"
#include "sync/catalogchanges.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>

#include <cstdio>

namespace smartpos::cloud {

namespace {

const char *const usageText =
    "usage: smartpos-cloud init [--config DIR] [--host NAME]...\n"
    "       smartpos-cloud serve [--config DIR] [--db URL] [--listen HOST:PORT]\n"
    "       smartpos-cloud admin [--config DIR] [--db URL] COMMAND\n"
    "admin commands:\n"
    "  pair --store NAME [--valid-hours H]   a one-time pairing code for a new till (last line)\n"
    "  stats [--json]                        events per kind and till, duplicates, conflicts,\n"
    "                                        flagged tills, members whose balance is off\n"
    "  conflicts [--json]                    every conflict with the receipts involved\n"
    "  clear-flag --terminal ID              let a flagged till push again\n"
    "  revoke --coupon ID [--reason TEXT]    revoke a coupon on every till\n"
    "  import-catalog FILE.csv               send a catalog (the till's CSV format) to every till\n"
    "  price --sku SKU --price YUAN          change one price on every till\n"
    "  import-members FILE.csv               the chain's members and their points (till format)\n"
    "  balance --member ID                   a member's points: opening plus every movement\n"
    "--db is an SQLite file (default <config>/cloud.db) or postgresql://user:pw@host:port/name;\n"
    "--config defaults to $SMARTPOS_CLOUD_CONFIG or ~/.config/SmartPOS/cloud.\n";

enum Exit { Done = 0, Failed = 1, Usage = 2 };

void out(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fputs(qPrintable(QStringLiteral("smartpos-cloud: %1\n").arg(message)), stderr);
    return Failed;
}

int usage(const QString &message)
{
    std::fputs(qPrintable(QStringLiteral("smartpos-cloud: %1\n").arg(message)), stderr);
    std::fputs(usageText, stderr);
    return Usage;
}

QString certificatePath(const QString &config)
{
    return QDir(config).filePath(QStringLiteral("certificate.pem"));
}
QString privateKeyPath(const QString &config)
{
    return QDir(config).filePath(QStringLiteral("private-key.pem"));
}
// The chain's coupon public keys handed to every till that enrols (docs/codes.md, "Keys").
QString couponKeysPath(const QString &config)
{
    return QDir(config).filePath(QStringLiteral("coupon-keys.pem"));
}

bool writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions mode)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.setPermissions(mode)
           && file.write(bytes) == bytes.size() && file.commit();
}

struct Common {
    QString config;
    QString db;
};

// Options every command shares; the rest of the arguments are left in `rest`.
bool parseCommon(QStringList &args, Common *common, QString *problem)
{
    for (qsizetype i = 0; i < args.size();) {
        const QString &arg = args[i];
        if (arg == u"--config" || arg == u"--db") {
            if (i + 1 >= args.size()) {
                *problem = QStringLiteral("%1 needs a value").arg(arg);
                return false;
            }
            (arg == u"--config" ? common->config : common->db) = args[i + 1];
            args.remove(i, 2);
        } else {
            ++i;
        }
    }
    if (common->config.isEmpty())
        common->config = qEnvironmentVariable("SMARTPOS_CLOUD_CONFIG");
    if (common->config.isEmpty())
        common->config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                         + QStringLiteral("/SmartPOS/cloud");
    if (common->db.isEmpty())
        common->db = QDir(common->config).filePath(QStringLiteral("cloud.db"));
    return true;
}

// A parser for one command's own options: false after printing the usage.
bool parseOptions(QCommandLineParser &parser, const QStringList &args,
                  const QList<QCommandLineOption> &options)
{
    parser.addOptions(options);
    if (!parser.parse(QStringList{QStringLiteral("smartpos-cloud")} + args)) {
        usage(parser.errorText());
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        usage(QStringLiteral("unexpected “%1”").arg(parser.positionalArguments().join(u' ')));
        return false;
    }
    return true;
}

int init(const Common &common, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption host(QStringLiteral("host"), {}, QStringLiteral("NAME"));
    if (!parseOptions(parser, args, {host}))
        return Usage;
    QStringList hosts = parser.values(host);
    if (hosts.isEmpty())
        hosts = {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")};
    if (QFile::exists(certificatePath(common.config)))
        return fail(QStringLiteral("%1 holds a certificate already; nothing was replaced.")
                        .arg(common.config));
    if (!makeDurablePath(common.config))
        return fail(QStringLiteral("cannot make the folder %1").arg(common.config));
    QFile::setPermissions(common.config,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const Result<CertificatePair> pair = makeSelfSignedCertificate(hosts, 825);
    if (!pair)
        return fail(pair.error().message);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!writeFile(privateKeyPath(common.config), pair->privateKeyPem, ownerOnly)
        || !writeFile(certificatePath(common.config), pair->certificatePem,
                      ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return fail(QStringLiteral("cannot write the certificate into %1").arg(common.config));
    out(QStringLiteral("a self-signed certificate for %1 is in %2 (certificate.pem, "
                       "private-key.pem)")
            .arg(hosts.join(QStringLiteral(", ")), common.config));
    return Done;
}

Result<DatabaseUrl> openStore(const Common &common, CloudStore &store)
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(common.db);
    if (!url)
        return url.error();
    if (url->kind == DatabaseUrl::Kind::Sqlite)
        makeDurablePath(QFileInfo(url->path).absolutePath());
    const Status opened = store.open(*url);
    if (!opened)
        return opened.error();
    return url;
}

int serve(const Common &common, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption listen(QStringLiteral("listen"), {}, QStringLiteral("HOST:PORT"),
                                    QStringLiteral("127.0.0.1:8443"));
    if (!parseOptions(parser, args, {listen}))
        return Usage;
    const QString hostPort = parser.value(listen);
    const qsizetype colon = hostPort.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? hostPort.mid(colon + 1).toInt(&portOk) : 0;
    const QHostAddress address(hostPort.left(colon));
    if (!portOk || port < 0 || port > 65535 || address.isNull())
        return usage(QStringLiteral("--listen wants HOST:PORT (an IP address; port 0 picks a "
                                    "free one), not “%1”")
                         .arg(hostPort));

    QFile certificateFile(certificatePath(common.config)), keyFile(privateKeyPath(common.config));
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("no certificate in %1: run “smartpos-cloud init --config %1” "
                                   "first")
                        .arg(common.config));
    const QSslCertificate certificate(certificateFile.readAll(), QSsl::Pem);
    QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        keyFile.seek(0);
        key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    }
    if (certificate.isNull() || key.isNull())
        return fail(
            QStringLiteral("the certificate or key in %1 cannot be read").arg(common.config));
    QFile couponKeys(couponKeysPath(common.config));
    const QByteArray couponKeysPem =
        couponKeys.open(QIODevice::ReadOnly) ? couponKeys.readAll() : QByteArray();

    CloudStore store;
    const Result<DatabaseUrl> url = openStore(common, store);
    if (!url)
        return fail(url.error().message);
    SystemClock clock;
    CloudServer server(store, clock, couponKeysPem);
    server.sslSetup(certificate, key);
    const quint16 bound = server.listen(address, quint16(port));
    if (!bound)
        return fail(QStringLiteral("cannot listen on %1").arg(hostPort));
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    out(QStringLiteral("listening on https://%1:%2").arg(host).arg(bound));
    out(QStringLiteral("database %1").arg(url->display()));
    return QCoreApplication::exec();
}

QJsonObject statsJson(const Stats &stats)
{
    QJsonArray applied, flagged, mismatches;
    for (const KindCount &count : stats.applied)
        applied.append(QJsonObject{{QStringLiteral("terminal"), count.terminal},
                                   {QStringLiteral("kind"), count.kind},
                                   {QStringLiteral("applied"), count.applied}});
    for (const Terminal &terminal : stats.flagged)
        flagged.append(QJsonObject{{QStringLiteral("terminal"), terminal.id},
                                   {QStringLiteral("store"), terminal.store},
                                   {QStringLiteral("reason"), terminal.flag}});
    for (const MemberMismatch &member : stats.mismatches)
        mismatches.append(QJsonObject{{QStringLiteral("member"), member.memberId},
                                      {QStringLiteral("balance"), member.balance},
                                      {QStringLiteral("movements"), member.movements}});
    return {
        {QStringLiteral("applied"), applied},
        {QStringLiteral("duplicates"), stats.duplicates},
        {QStringLiteral("conflicts"), stats.conflicts},
        {QStringLiteral("flagged"), flagged},
        {QStringLiteral("balance_mismatches"), mismatches},
        {QStringLiteral("negative_members"), QJsonArray::fromStringList(stats.negativeMembers)}};
}

void printStats(const Stats &stats)
{
    out(QStringLiteral("events applied:"));
    if (stats.applied.isEmpty())
        out(QStringLiteral("  none"));
    for (const KindCount &count : stats.applied)
        out(QStringLiteral("  %1  %2  %3")
                .arg(count.terminal, -8)
                .arg(count.kind, -12)
                .arg(count.applied));
    out(QStringLiteral("duplicates refused: %1").arg(stats.duplicates));
    out(QStringLiteral("conflicts: %1").arg(stats.conflicts));
    for (const Terminal &terminal : stats.flagged)
        out(QStringLiteral("flagged: %1 (%2): %3").arg(terminal.id, terminal.store, terminal.flag));
    for (const MemberMismatch &member : stats.mismatches)
        out(QStringLiteral("balance differs from its movements: member %1 balance %2, movements %3")
                .arg(member.memberId)
                .arg(member.balance)
                .arg(member.movements));
    for (const QString &member : stats.negativeMembers)
        out(QStringLiteral("negative points balance: member %1").arg(member));
}

// Like parseOptions, with exactly one positional argument.
bool parseOptionsWithArgument(QCommandLineParser &parser, const QStringList &args,
                              const QList<QCommandLineOption> &options)
{
    parser.addOptions(options);
    return parser.parse(QStringList{QStringLiteral("smartpos-cloud")} + args)
           && parser.positionalArguments().size() == 1;
}

// Reads a CSV file with one of the till's readers (catalog, members) into `rows`; false after
// printing the first bad line: a file is taken whole or not at all.
template <typename Reader, typename Row> bool readCsv(const QString &path, QList<Row> *rows)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot read %1").arg(path));
        return false;
    }
    Reader reader(&file);
    Row row;
    if (reader.readHeader())
        while (reader.next(&row))
            rows->append(row);
    if (reader.error().isEmpty())
        return true;
    fail(QStringLiteral("%1 line %2: %3 — nothing was sent.")
             .arg(path)
             .arg(reader.line())
             .arg(reader.error()));
    return false;
}

int importCatalog(CloudStore &store, const QString &path)
{
    QList<CatalogRow> rows;
    if (!readCsv<CatalogCsvReader>(path, &rows))
        return Failed;
    QList<sync::Change> changes;
    for (const CatalogRow &row : rows)
        changes.append(sync::productChange(row.product, row.codes));
    const Result<qint64> at = store.recordChanges(changes);
    if (!at)
        return fail(at.error().message);
    out(QStringLiteral("%1 products sent to every till (changes up to %2)")
            .arg(changes.size())
            .arg(*at));
    return Done;
}

// The chain's members and their balances as they stand now (the opening balance the cloud adds
// the tills' points movements to).
int importMembers(CloudStore &store, const QString &path)
{
    QList<Member> members;
    if (!readCsv<MemberCsvReader>(path, &members))
        return Failed;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Member &member : members)
        if (const Status added = store.addMember(member.id, member.phone, member.points, now);
            !added)
            return fail(added.error().message);
    out(QStringLiteral("%1 members imported").arg(members.size()));
    return Done;
}

int admin(const Common &common, QStringList args)
{
    if (args.isEmpty())
        return usage(QStringLiteral("admin needs a command"));
    const QString command = args.takeFirst();
    CloudStore store;
    const Result<DatabaseUrl> url = openStore(common, store);
    if (!url)
        return fail(url.error().message);
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"));
    if (command == u"pair") {
        const QCommandLineOption storeName(QStringLiteral("store"), {}, QStringLiteral("NAME"));
        const QCommandLineOption validHours(QStringLiteral("valid-hours"), {}, QStringLiteral("H"),
                                            QStringLiteral("24"));
        if (!parseOptions(parser, args, {storeName, validHours}))
            return Usage;
        bool ok = false;
        const int hours = parser.value(validHours).toInt(&ok);
        if (parser.value(storeName).trimmed().isEmpty() || !ok || hours < 1 || hours > 24 * 30)
            return usage(QStringLiteral("pair needs --store NAME and --valid-hours 1…720"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Result<QString> code = store.createPairingCode(parser.value(storeName).trimmed(),
                                                             now.addSecs(hours * 3600), now);
        if (!code)
            return fail(code.error().message);
        out(QStringLiteral("pairing code for a new till of store “%1”, valid for %2 hours, "
                           "usable once:")
                .arg(parser.value(storeName).trimmed())
                .arg(hours));
        out(*code);
        return Done;
    }
    if (command == u"stats") {
        if (!parseOptions(parser, args, {json}))
            return Usage;
        const Result<Stats> stats = store.stats();
        if (!stats)
            return fail(stats.error().message);
        if (parser.isSet(json))
            out(QString::fromUtf8(QJsonDocument(statsJson(*stats)).toJson(QJsonDocument::Compact)));
        else
            printStats(*stats);
        return Done;
    }
    if (command == u"conflicts") {
        if (!parseOptions(parser, args, {json}))
            return Usage;
        const Result<QList<ConflictRow>> conflicts = store.conflicts();
        if (!conflicts)
            return fail(conflicts.error().message);
        QJsonArray array;
        for (const ConflictRow &row : *conflicts) {
            if (parser.isSet(json)) {
                array.append(QJsonObject{{QStringLiteral("id"), row.id},
                                         {QStringLiteral("kind"), row.kind},
                                         {QStringLiteral("key"), row.key},
                                         {QStringLiteral("detail"), row.detail},
                                         {QStringLiteral("first_receipt"), row.firstReceipt},
                                         {QStringLiteral("second_receipt"), row.secondReceipt},
                                         {QStringLiteral("at"), row.at.toString(Qt::ISODate)}});
                continue;
            }
            out(QStringLiteral("#%1 %2 %3: %4").arg(row.id).arg(row.kind, row.key, row.detail));
            if (!row.firstReceipt.isEmpty())
                out(QStringLiteral("    first:  %1").arg(row.firstReceipt));
            if (!row.secondReceipt.isEmpty())
                out(QStringLiteral("    second: %1").arg(row.secondReceipt));
        }
        if (parser.isSet(json))
            out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        else if (conflicts->isEmpty())
            out(QStringLiteral("no conflicts"));
        return Done;
    }
    if (command == u"clear-flag") {
        const QCommandLineOption terminal(QStringLiteral("terminal"), {}, QStringLiteral("ID"));
        if (!parseOptions(parser, args, {terminal}) || parser.value(terminal).isEmpty())
            return usage(QStringLiteral("clear-flag needs --terminal ID"));
        const Status cleared = store.clearFlag(parser.value(terminal));
        if (!cleared)
            return fail(cleared.error().message);
        out(QStringLiteral("%1 may push again").arg(parser.value(terminal)));
        return Done;
    }
    if (command == u"revoke") {
        const QCommandLineOption coupon(QStringLiteral("coupon"), {}, QStringLiteral("ID"));
        const QCommandLineOption reason(QStringLiteral("reason"), {}, QStringLiteral("TEXT"),
                                        QStringLiteral("revoked by the chain"));
        bool ok = false;
        if (!parseOptions(parser, args, {coupon, reason}))
            return Usage;
        const quint64 id = parser.value(coupon).toULongLong(&ok);
        if (!ok)
            return usage(QStringLiteral("revoke needs --coupon ID (the coupon's number)"));
        const Status revoked =
            store.revokeCoupon(id, parser.value(reason), QDateTime::currentDateTimeUtc());
        if (!revoked)
            return fail(revoked.error().message);
        out(QStringLiteral("coupon %1 revoked; every till hears of it at its next sync").arg(id));
        return Done;
    }
    if (command == u"import-catalog") {
        if (!parseOptionsWithArgument(parser, args, {}))
            return usage(QStringLiteral("import-catalog needs FILE.csv"));
        return importCatalog(store, parser.positionalArguments().first());
    }
    if (command == u"balance") {
        const QCommandLineOption member(QStringLiteral("member"), {}, QStringLiteral("ID"));
        if (!parseOptions(parser, args, {member}) || parser.value(member).isEmpty())
            return usage(QStringLiteral("balance needs --member ID"));
        const Result<qint64> balance = store.memberBalance(parser.value(member));
        if (!balance)
            return fail(balance.error().message);
        out(QStringLiteral("points balance of %1:").arg(parser.value(member)));
        out(QString::number(*balance));
        return Done;
    }
    if (command == u"import-members") {
        if (!parseOptionsWithArgument(parser, args, {}))
            return usage(QStringLiteral("import-members needs FILE.csv"));
        return importMembers(store, parser.positionalArguments().first());
    }
    if (command == u"price") {
        const QCommandLineOption sku(QStringLiteral("sku"), {}, QStringLiteral("SKU"));
        const QCommandLineOption price(QStringLiteral("price"), {}, QStringLiteral("YUAN"));
        if (!parseOptions(parser, args, {sku, price}))
            return Usage;
        const std::optional<Money> amount = Money::parse(parser.value(price));
        if (parser.value(sku).isEmpty() || !amount || amount->fen < 0
            || *amount > MoneyLimits{}.unitPrice)
            return usage(QStringLiteral("price needs --sku SKU and --price YUAN (0 to %1)")
                             .arg(MoneyLimits{}.unitPrice.toString()));
        const Result<qint64> at =
            store.recordChanges({sync::priceChange(parser.value(sku), *amount)});
        if (!at)
            return fail(at.error().message);
        out(QStringLiteral("%1 now costs ¥%2 on every till (change %3)")
                .arg(parser.value(sku), amount->toString())
                .arg(*at));
        return Done;
    }
    return usage(QStringLiteral("unknown admin command “%1”").arg(command));
}

} // namespace

int runCloudCli(QStringList args)
{
    if (args.isEmpty() || args[0] == u"--help" || args[0] == u"-h") {
        std::fputs(usageText, args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? Usage : Done;
    }
    const QString command = args.takeFirst();
    Common common;
    QString problem;
    if (!parseCommon(args, &common, &problem))
        return usage(problem);
    if (command == u"init")
        return init(common, args);
    if (command == u"serve")
        return serve(common, args);
    if (command == u"admin")
        return admin(common, args);
    return usage(QStringLiteral("unknown command “%1”").arg(command));
}

} // namespace smartpos::cloud
