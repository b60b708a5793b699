#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QStringList>

namespace smartpos::cloud {

// A certificate and its private key (PEM), for a demo cloud or a test: a P-256 key and a
// certificate signed by itself, valid for `days`, naming each host as a subject alternative
// name (IP addresses as IP entries). A store's cloud uses a certificate from its own CA.
struct CertificatePair {
    QByteArray certificatePem, privateKeyPem;
};
Result<CertificatePair> makeSelfSignedCertificate(const QStringList &hosts, int days);

} // namespace smartpos::cloud
