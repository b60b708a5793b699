#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace smartpos::sync {

// What a till keeps of its enrolment with the chain's cloud, in its key folder (never the data
// folder, which backups and support staff see): sync.json, mode 0600, written whole or not at
// all. The secret signs every request; the certificate is the one the cloud showed at enrolment,
// and the only one the till accepts from then on.
struct SyncConfig {
    Q_DECLARE_TR_FUNCTIONS(smartpos::sync::SyncConfig)

public:
    QString url; // https://host:port
    QString terminalId;
    QByteArray secret;
    QString store;
    QSslCertificate certificate;
    QDateTime enrolledAt;

    static QString path(const QString &keyDir);
    // Nothing when the till is not enrolled; Damaged when the file is not what it should be.
    static Result<std::optional<SyncConfig>> load(const QString &keyDir);
    Status save(const QString &keyDir) const;
};

} // namespace smartpos::sync
