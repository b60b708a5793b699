#pragma once

#include "core/clock.h"
#include "core/promotions.h"
#include "core/storerules.h"
#include "ledger/catalogstore.h"
#include "ledger/datadirlock.h"
#include "ledger/ledger.h"
#include "receipt.h"

#include <QString>
#include <QTimeZone>

namespace smartpos {

// The receipt printer ([printer] and [receipt] in smartpos.ini); no URI: the till has none.
struct PrinterConfig {
    QString uri;      // usb://…, serial://…, tcp://…, file://… (docs/hardware.md)
    int widthMm = 80; // 58 or 80
    ReceiptLanguage language = ReceiptLanguage::Both;
    QString footer;
    QString logo; // an image file (absolute, or relative to the data directory); empty: none
};

// Devices besides the printer, each one URI (docs/hardware.md); empty: not used.
struct DeviceConfig {
    QString serialScanner; // serial:///dev/ttyACM0?baud=9600&terminator=cr
    QString poleDisplay;   // serial:///dev/ttyUSB1?baud=9600&encoding=gb18030
    QByteArray cameraId;   // the camera the cashier's camera view opens; empty: the default one
};

// The terminal's settings (smartpos.ini in the data directory, mode 0600).
struct AppConfig {
    QString storeName;
    QString storeAddress;
    QString storePhone;
    QString terminalName; // on receipts; empty: the start of the terminal id
    PrinterConfig printer;
    DeviceConfig devices;
    QString promotionsFile; // [promotions] file; default promotions.json in the data directory
    QTimeZone timeZone = QTimeZone::systemTimeZone(); // [store] time_zone: promotions' hours
    QString language;       // "zh_CN", "en", or empty for the system locale
    int wedgeMaxGapMs = 40; // keys closer than this belong to a scanner burst
    StoreRules rules;       // scale-label layouts and money limits

    static AppConfig load(const QString &dataDir);
};

QString defaultDataDir();

// The store's promotions from a JSON file (docs/operations.md): none when the file does not
// exist; an Error saying the file and what is wrong when it cannot be read or used.
Result<PromotionSet> loadPromotions(const QString &path);

// What a running terminal opens in its data directory: the lock that keeps it the only writer,
// settings, catalog and ledger (with its key folder: empty keyDir = SMARTPOS_KEY_DIR or the
// default for the data directory).
class AppData {
public:
    // An error a person can act on; nothing in the directory is changed then.
    Status open(const QString &dataDir, const QString &keyDir);

    DataDirLock lock;
    AppConfig config;
    CatalogStore catalog;
    Ledger ledger;
    SystemClock clock;
};

} // namespace smartpos
