#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <memory>
#include <optional>

namespace smartpos {

// HMAC-SHA256 with one key, reused for every entry (the key schedule is done once).
class EntryMac {
public:
    explicit EntryMac(const QByteArray &key);
    ~EntryMac();
    EntryMac(const EntryMac &) = delete;
    EntryMac &operator=(const EntryMac &) = delete;

    // HMAC over the parts in order, as if concatenated.
    QByteArray compute(std::initializer_list<QByteArrayView> parts);
    // True when the HMAC over the parts is `expected` (no allocation: verify's hot path).
    bool matches(std::initializer_list<QByteArrayView> parts, QByteArrayView expected);

private:
    void computeInto(std::initializer_list<QByteArrayView> parts, unsigned char *out);
    struct Context;
    std::unique_ptr<Context> m_context;
};

// Where a terminal keeps what its data folder must not hold: the key of its journal's MAC
// chain (terminal.key) and the anchor (the last journal head it saw). Without the key a rebuilt
// chain does not verify; with the anchor a truncated or deleted ledger is noticed. By default
// it is <config>/SmartPOS/terminals/<id of the data folder>; --key-dir or SMARTPOS_KEY_DIR set it.
class KeyFolder {
    Q_DECLARE_TR_FUNCTIONS(smartpos::KeyFolder)

public:
    struct Head {
        qint64 seq = 0;
        QByteArray mac; // 32 bytes; zeros before the first entry
    };

    static QString defaultPathFor(const QString &dataDir);
    // SMARTPOS_KEY_DIR when set, else the default for the data folder.
    static QString resolve(const QString &requested, const QString &dataDir);

    KeyFolder();
    ~KeyFolder();

    // Loads the key when it exists. ReadOnly never creates or changes anything.
    Status open(const QString &path, bool readOnly);
    const QString &path() const { return m_path; }
    bool hasKey() const { return !m_key.isEmpty(); }
    const QByteArray &key() const { return m_key; }

    // A new random key and an anchor at seq 0, both written and synced (first start only).
    Status createKey();
    // The newest valid anchor; nothing when there is none. `problem` says why when the file
    // exists but no slot in it is valid.
    std::optional<Head> readAnchor(QString *problem = nullptr) const;
    // Written after every commit, in place and without fsync: after a power cut it may lag the
    // ledger, never lead it. Two slots, so a torn write leaves the other one readable.
    Status writeAnchor(const Head &head);
    // The operator's way to go on from a ledger restored from a backup (older than the anchor):
    // both slots are set to `head`, durably, and audit.log says what was given up and why.
    Status acceptHead(const Head &head, const QString &reason, const QString &who);
    // The operator's way to start over after a ledger was lost: key and anchor move to
    // retired/<time>/ and a line goes to audit.log. The next start makes a new key.
    Status retire(const QString &reason, const QString &who);

    static constexpr int keyBytes = 32;

private:
    QByteArray anchorSlot(const Head &head) const;
    Status audit(const QString &line);
    void setKey(const QByteArray &key);
    QString m_path;
    QByteArray m_key;
    std::unique_ptr<EntryMac> m_mac;
    std::unique_ptr<QFile> m_anchor;
};

// Writes a small file whole: temp file, fsync, rename, fsync of the folder; mode 0600.
Status writeFileDurably(const QString &path, const QByteArray &content);

} // namespace smartpos
