#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickWindow>

#include "core/loyalty.h"

#include <functional>
#include <memory>
#include <optional>

class QQmlApplicationEngine;
class QThread;

namespace smartpos {

namespace sync {
class SyncClient;
}

class AppData;
class CartModel;
class CashierController;
class CouponPool;
class CustomerDisplay;
class DeviceController;
class SyncIndicator;
class KeyboardWedge;
class Language;
class MemberStore;
class PrintQueue;
class PoleFeed;
class PromotionEngine;
class PrintSpooler;
namespace devices {
class PrinterLink;
}
class ProductSearch;
class SaleSession;
class SearchModel;

struct TillOptions {
    QString dataDir;
    QString keyDir;   // the terminal key and ledger anchor; empty: the default
    QString language; // empty: the setting, then the system locale
    bool singleWindow = false;
    QString printerUri; // empty: printer/uri in smartpos.ini
};

// The composition root of the till: builds data, services, scanners, controllers and both QML
// windows once and wires them. main() and the UI tests build exactly this.
class TillApp : public QObject {
    Q_OBJECT
public:
    explicit TillApp(QObject *parent = nullptr);
    ~TillApp() override;

    // False when the data directory cannot be used: the error window is shown then, with the
    // message, and `error` holds it for stderr.
    bool start(const TillOptions &options, QString *error);

    QQuickWindow *cashierWindow() const { return m_cashierWindow; }
    QQuickWindow *customerWindow() const { return m_customerWindow; }
    // Runs `ready` once every window has shown its first frame.
    void whenShown(std::function<void()> ready);
    // cashier.png and customer.png (or till.png with --single-window, error.png on failure).
    bool saveScreenshots(const QString &dir, QString *error) const;

    AppData &data() { return *m_data; }
    SaleSession *session() const { return m_session.get(); }
    CashierController *cashier() const { return m_cashier.get(); }
    CustomerDisplay *customer() const { return m_customer.get(); }
    // The receipt printer's spooler; null without printer/uri in smartpos.ini.
    PrintSpooler *spooler() const { return m_spooler.get(); }
    Language *language() const { return m_language.get(); }
    KeyboardWedge *wedge() const { return m_wedge.get(); }
    DeviceController *devices() const { return m_devices.get(); }
    SyncIndicator *syncIndicator() const { return m_syncIndicator.get(); }

private:
    void buildServices();
    // The store's promotions file, if any, priced into every sale.
    void startPromotions();
    // Members, code keys, points and the coupon pool: each problem shows in the strip.
    void startMembers(const std::optional<LoyaltyRules> &loyalty);
    // The receipt printer named in smartpos.ini, if any, and its spooler.
    void startPrinter();
    // Every scanner into the sale session by one path; the pole display after the sale.
    void startScannersAndDisplay();
    // The sync client on its own thread when the till is enrolled with a cloud.
    void startSync();
    bool loadWindows(bool singleWindow, QString *error);
    void load(const QString &qmlFile);
    void placeWindows(bool singleWindow);
    void saveLanguageSetting(const QString &code) const;

    QString m_dataDir;
    std::unique_ptr<AppData> m_data;
    std::unique_ptr<Language> m_language;
    std::unique_ptr<PromotionEngine> m_promotions;
    std::unique_ptr<MemberStore> m_members;
    std::unique_ptr<CouponPool> m_couponPool;
    std::unique_ptr<SaleSession> m_session;
    std::unique_ptr<ProductSearch> m_search;
    std::unique_ptr<CartModel> m_cartModel;
    std::unique_ptr<SearchModel> m_searchModel;
    std::unique_ptr<CashierController> m_cashier;
    std::unique_ptr<CustomerDisplay> m_customer;
    std::unique_ptr<PrintQueue> m_printQueue;
    std::unique_ptr<devices::PrinterLink> m_printerLink;
    std::unique_ptr<PrintSpooler> m_spooler;
    std::unique_ptr<KeyboardWedge> m_wedge;
    std::unique_ptr<DeviceController> m_devices;
    std::unique_ptr<SyncIndicator> m_syncIndicator;
    std::unique_ptr<QThread> m_syncThread;
    sync::SyncClient *m_syncClient = nullptr; // lives on m_syncThread, deleted as it finishes
    std::unique_ptr<PoleFeed> m_poleFeed;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QPointer<QQuickWindow> m_cashierWindow;
    QPointer<QQuickWindow> m_customerWindow;
};

} // namespace smartpos
