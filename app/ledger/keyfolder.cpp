#include "keyfolder.h"

#include "database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <unistd.h>

namespace smartpos {

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto ownerDir = ownerOnly | QFileDevice::ExeOwner;
const QString keyFile = QStringLiteral("terminal.key");
const QString anchorFile = QStringLiteral("anchor");
const QString auditFile = QStringLiteral("audit.log");
constexpr QByteArrayView anchorMagic("SPA1");
constexpr int slotBytes = 64; // magic 4, seq 8, mac 32, tag 16, zero 4

void putInt64(QByteArray &out, qint64 value)
{
    for (int i = 0; i < 8; ++i)
        out += char((quint64(value) >> (8 * i)) & 0xff);
}

qint64 getInt64(QByteArrayView in)
{
    quint64 value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | uchar(in[i]);
    return qint64(value);
}

} // namespace

struct EntryMac::Context {
    EVP_MAC *mac = nullptr;
    EVP_MAC_CTX *keyed = nullptr; // holds the key schedule; copied per computation
    EVP_MAC_CTX *work = nullptr;
    ~Context()
    {
        EVP_MAC_CTX_free(work);
        EVP_MAC_CTX_free(keyed);
        EVP_MAC_free(mac);
    }
};

EntryMac::EntryMac(const QByteArray &key)
    : m_context(std::make_unique<Context>())
{
    m_context->mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    m_context->keyed = EVP_MAC_CTX_new(m_context->mac);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_END};
    EVP_MAC_init(m_context->keyed, reinterpret_cast<const unsigned char *>(key.constData()),
                 size_t(key.size()), params);
}

EntryMac::~EntryMac() = default;

void EntryMac::computeInto(std::initializer_list<QByteArrayView> parts, unsigned char *out)
{
    // Re-initialising without a key reuses the one already set, with no new key schedule.
    EVP_MAC_CTX *ctx = m_context->keyed;
    EVP_MAC_init(ctx, nullptr, 0, nullptr);
    for (QByteArrayView part : parts)
        EVP_MAC_update(ctx, reinterpret_cast<const unsigned char *>(part.data()),
                       size_t(part.size()));
    size_t length = 0;
    EVP_MAC_final(ctx, out, &length, 32);
}

QByteArray EntryMac::compute(std::initializer_list<QByteArrayView> parts)
{
    QByteArray out(32, Qt::Uninitialized);
    computeInto(parts, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

bool EntryMac::matches(std::initializer_list<QByteArrayView> parts, QByteArrayView expected)
{
    unsigned char out[32];
    computeInto(parts, out);
    return expected.size() == 32 && CRYPTO_memcmp(out, expected.data(), 32) == 0;
}

QString KeyFolder::defaultPathFor(const QString &dataDir)
{
    const QByteArray id = QCryptographicHash::hash(QFileInfo(dataDir).absoluteFilePath().toUtf8(),
                                                   QCryptographicHash::Sha256)
                              .toHex()
                              .left(16);
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/SmartPOS/terminals/") + QString::fromLatin1(id);
}

QString KeyFolder::resolve(const QString &requested, const QString &dataDir)
{
    if (!requested.isEmpty())
        return requested;
    const QString fromEnvironment = qEnvironmentVariable("SMARTPOS_KEY_DIR");
    return fromEnvironment.isEmpty() ? defaultPathFor(dataDir) : fromEnvironment;
}

KeyFolder::KeyFolder() = default;
KeyFolder::~KeyFolder() = default;

Status KeyFolder::open(const QString &path, bool readOnly)
{
    m_path = path;
    setKey({});
    m_anchor.reset();
    QFileInfo folder(path);
    if (folder.exists() && !folder.isDir())
        return Error{ErrorCode::Storage,
                     tr("The key folder %1 is a file, not a folder.").arg(path)};
    if (!folder.exists()) {
        if (readOnly)
            return {};
        if (!makeDurablePath(path))
            return Error{ErrorCode::Storage,
                         tr("Cannot create the key folder %1. Check that its parent is "
                            "writable, or choose another with --key-dir.")
                             .arg(path)};
        QFile::setPermissions(path, ownerDir);
    }
    QFile file(QDir(path).filePath(keyFile));
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            ErrorCode::Storage,
            tr("Cannot read the terminal key %1: %2").arg(file.fileName(), file.errorString())};
    const QByteArray key = QByteArray::fromHex(file.readAll().trimmed());
    if (key.size() != keyBytes)
        return Error{ErrorCode::Damaged,
                     tr("The terminal key %1 is damaged. Restore it from the backup of this "
                        "terminal's key folder.")
                         .arg(file.fileName())};
    setKey(key);
    return {};
}

void KeyFolder::setKey(const QByteArray &key)
{
    m_key = key;
    m_mac = key.isEmpty() ? nullptr : std::make_unique<EntryMac>(key);
}

Status KeyFolder::createKey()
{
    QByteArray key(keyBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), keyBytes) != 1)
        return Error{ErrorCode::Storage,
                     tr("The system could not provide random bytes for a key.")};
    setKey(key);
    // The anchor first: a power cut between the two leaves an anchor without a key (replaced
    // at the next start), never a key without its anchor (which would be refused).
    const QByteArray first = anchorSlot({0, QByteArray(32, '\0')});
    Status written = writeFileDurably(QDir(m_path).filePath(anchorFile), first + first);
    if (written)
        written = writeFileDurably(QDir(m_path).filePath(keyFile), key.toHex() + '\n');
    if (!written)
        setKey({});
    return written;
}

QByteArray KeyFolder::anchorSlot(const Head &head) const
{
    QByteArray slot;
    slot.reserve(slotBytes);
    slot += anchorMagic;
    putInt64(slot, head.seq);
    slot += head.mac;
    slot += m_mac->compute({"anchor", slot}).left(16);
    slot += QByteArray(slotBytes - slot.size(), '\0');
    return slot;
}

std::optional<KeyFolder::Head> KeyFolder::readAnchor(QString *problem) const
{
    QFile file(QDir(m_path).filePath(anchorFile));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = file.read(2 * slotBytes);
    std::optional<Head> newest;
    for (int slot = 0; slot < 2 && hasKey(); ++slot) {
        const QByteArrayView data = QByteArrayView(bytes).sliced(
            qMin<qsizetype>(bytes.size(), slot * slotBytes),
            qBound(qsizetype(0), bytes.size() - slot * slotBytes, qsizetype(slotBytes)));
        if (data.size() != slotBytes || !data.startsWith(anchorMagic))
            continue;
        const Head head{getInt64(data.sliced(4, 8)), data.sliced(12, 32).toByteArray()};
        if (anchorSlot(head) != data)
            continue;
        if (!newest || head.seq > newest->seq)
            newest = head;
    }
    if (!newest && problem)
        *problem = tr("The anchor %1 is damaged or was not written with this terminal's key.")
                       .arg(file.fileName());
    return newest;
}

Status KeyFolder::writeAnchor(const Head &head)
{
    if (!m_anchor) {
        m_anchor = std::make_unique<QFile>(QDir(m_path).filePath(anchorFile));
        if (!m_anchor->open(QIODevice::ReadWrite)) {
            const QString reason = m_anchor->errorString();
            m_anchor.reset();
            return Error{ErrorCode::Storage,
                         tr("Cannot write the anchor in %1: %2").arg(m_path, reason)};
        }
    }
    const QByteArray slot = anchorSlot(head);
    const qint64 offset = (head.seq % 2) * slotBytes;
    if (::pwrite(m_anchor->handle(), slot.constData(), size_t(slot.size()), offset) != slot.size())
        return Error{ErrorCode::Storage, tr("Cannot write the anchor in %1.").arg(m_path)};
    return {};
}

Status KeyFolder::retire(const QString &reason, const QString &who)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString retired =
        QDir(m_path).filePath(QStringLiteral("retired/") + QString(now).remove(u':'));
    if (!QDir().mkpath(retired))
        return Error{ErrorCode::Storage, tr("Cannot create %1.").arg(retired)};
    QString previous;
    if (const auto head = readAnchor())
        previous =
            QStringLiteral("%1 %2").arg(head->seq).arg(QString::fromLatin1(head->mac.toHex()));
    m_anchor.reset();
    for (const QString &name : {keyFile, anchorFile}) {
        const QString from = QDir(m_path).filePath(name);
        if (QFile::exists(from) && !QFile::rename(from, QDir(retired).filePath(name)))
            return Error{ErrorCode::Storage, tr("Cannot move %1 to %2.").arg(from, retired)};
    }
    syncPath(retired);
    syncPath(m_path);
    setKey({});
    return audit(QStringLiteral("%1 start-over by %2: key and anchor (head %3) moved to %4; "
                                "reason: %5")
                     .arg(now, who, previous.isEmpty() ? QStringLiteral("none") : previous, retired,
                          QString(reason).replace(u'\n', u' ')));
}

Status KeyFolder::acceptHead(const Head &head, const QString &reason, const QString &who)
{
    const auto previous = readAnchor();
    const QByteArray slot = anchorSlot(head);
    m_anchor.reset();
    if (Status written = writeFileDurably(QDir(m_path).filePath(anchorFile), slot + slot); !written)
        return written;
    return audit(
        QStringLiteral("%1 accepted by %2: the anchor moved from %3 to %4 %5; reason: %6")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), who,
                 previous ? QStringLiteral("%1 %2")
                                .arg(previous->seq)
                                .arg(QString::fromLatin1(previous->mac.toHex()))
                          : QStringLiteral("none"))
            .arg(head.seq)
            .arg(QString::fromLatin1(head.mac.toHex()), QString(reason).replace(u'\n', u' ')));
}

Status KeyFolder::audit(const QString &line)
{
    QFile file(QDir(m_path).filePath(auditFile));
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return Error{ErrorCode::Storage, tr("Cannot write %1.").arg(file.fileName())};
    file.setPermissions(ownerOnly);
    file.write(line.toUtf8() + '\n');
    file.flush();
    ::fsync(file.handle());
    return {};
}

Status writeFileDurably(const QString &path, const QByteArray &content)
{
    const QString temporary = path + QStringLiteral(".tmp");
    QFile file(temporary);
    auto failed = [&](const QString &reason) {
        file.close();
        QFile::remove(temporary);
        return Error{ErrorCode::Storage, KeyFolder::tr("Cannot write %1: %2").arg(path, reason)};
    };
    QFile::remove(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return failed(file.errorString());
    file.setPermissions(ownerOnly);
    if (file.write(content) != content.size() || !file.flush() || ::fsync(file.handle()) != 0)
        return failed(file.errorString());
    file.close();
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData())
        != 0)
        return failed(QString::fromLocal8Bit(strerror(errno)));
    syncPath(QFileInfo(path).absolutePath());
    return {};
}

} // namespace smartpos
