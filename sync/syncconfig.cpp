#include "syncconfig.h"

#include "ledger/database.h"
#include "protocol.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace smartpos::sync {

QString SyncConfig::path(const QString &keyDir)
{
    return QDir(keyDir).filePath(QStringLiteral("sync.json"));
}

Result<std::optional<SyncConfig>> SyncConfig::load(const QString &keyDir)
{
    QFile file(path(keyDir));
    if (!file.exists())
        return std::optional<SyncConfig>();
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Storage,
                     tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    SyncConfig config;
    config.url = json.value(QStringLiteral("url")).toString();
    config.terminalId = json.value(QStringLiteral("terminal_id")).toString();
    config.secret = QByteArray::fromHex(json.value(QStringLiteral("secret")).toString().toLatin1());
    config.store = json.value(QStringLiteral("store")).toString();
    config.certificate =
        QSslCertificate(json.value(QStringLiteral("server_certificate")).toString().toLatin1());
    config.enrolledAt = QDateTime::fromString(json.value(QStringLiteral("enrolled_at")).toString(),
                                              Qt::ISODateWithMs);
    if (config.url.isEmpty() || config.terminalId.isEmpty() || config.secret.size() != secretBytes
        || config.certificate.isNull())
        return Error{ErrorCode::Damaged,
                     tr("%1 is damaged; enrol the till again (smartpos-admin enroll --force).")
                         .arg(file.fileName())};
    return std::optional(config);
}

Status SyncConfig::save(const QString &keyDir) const
{
    const QJsonObject json{
        {QStringLiteral("url"), url},
        {QStringLiteral("terminal_id"), terminalId},
        {QStringLiteral("secret"), QString::fromLatin1(secret.toHex())},
        {QStringLiteral("store"), store},
        {QStringLiteral("server_certificate"), QString::fromLatin1(certificate.toPem())},
        {QStringLiteral("enrolled_at"), enrolledAt.toUTC().toString(Qt::ISODateWithMs)}};
    if (!makeDurablePath(keyDir))
        return Error{ErrorCode::Storage, tr("Cannot make the folder %1.").arg(keyDir)};
    QSaveFile file(path(keyDir));
    const QByteArray bytes = QJsonDocument(json).toJson();
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(bytes) != bytes.size() || !file.commit() || !syncPath(keyDir))
        return Error{ErrorCode::Storage,
                     tr("Cannot write %1: %2").arg(file.fileName(), file.errorString())};
    return {};
}

} // namespace smartpos::sync
