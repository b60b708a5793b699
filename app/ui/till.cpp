#include "till.h"

#include "cartmodel.h"
#include "cashiercontroller.h"
#include "customerdisplay.h"
#include "language.h"
#include "scanner/keyboardwedge.h"
#include "searchmodel.h"
#include "services/checkoutservice.h"

#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlContext>
#include <QQuickStyle>
#include <QScreen>
#include <QTimer>

namespace smartpos {

namespace {

Till *tillOf(QQmlEngine *engine)
{
    return engine->property("smartpos_till").value<Till *>();
}

template<typename T>
void registerSingleton(const char *name, T *(Till::*getter)() const)
{
    // One registration per process; each engine finds its own till, so tests may build several.
    static thread_local QHash<QByteArray, bool> done;
    if (done.value(name))
        return;
    done.insert(name, true);
    qmlRegisterSingletonType<T>("SmartPOS.Backend", 1, 0, name,
                                [getter](QQmlEngine *engine, QJSEngine *) -> QObject * {
                                    T *object = (tillOf(engine)->*getter)();
                                    QQmlEngine::setObjectOwnership(object, QQmlEngine::CppOwnership);
                                    return object;
                                });
}

} // namespace

Till::Till(QObject *parent)
    : QObject(parent)
    , m_data(std::make_unique<AppData>())
    , m_language(std::make_unique<Language>())
    , m_engine(std::make_unique<QQmlApplicationEngine>())
{
    // One look on every machine: the Basic style (the lightest to start) and a CJK font.
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans"),
                      QStringLiteral("sans-serif")});
    QGuiApplication::setFont(font);
    m_engine->setProperty("smartpos_till", QVariant::fromValue(this));
    m_engine->addImportPath(QStringLiteral("qrc:/")); // the SmartPOS module lives in qrc:/SmartPOS
    m_language->setEngine(m_engine.get());
}

Till::~Till()
{
    // Windows go before the objects their bindings read.
    m_engine.reset();
}

bool Till::start(const TillOptions &options, QString *error)
{
    // --lang first, so even a message about the data directory is in the chosen language; the
    // setting can only be read once the directory is open.
    m_language->apply(options.language.isEmpty() ? Language::fromSystemLocale() : options.language);
    const bool opened = m_data->open(options.dataDir, error);
    if (opened && options.language.isEmpty() && !m_data->config.language.isEmpty())
        m_language->apply(m_data->config.language);
    if (!opened) {
        m_engine->setInitialProperties({{QStringLiteral("message"), *error}});
        load(QStringLiteral("ErrorWindow.qml"));
        m_cashierWindow = qobject_cast<QQuickWindow *>(m_engine->rootObjects().value(0));
        return false;
    }

    m_checkout = std::make_unique<CheckoutService>(m_data->catalog, m_data->ledger, m_data->clock,
                                                   m_data->config.variableLayouts);
    m_cartModel = std::make_unique<CartModel>(m_checkout->cart());
    m_searchModel = std::make_unique<SearchModel>();
    m_cashier = std::make_unique<CashierController>(*m_checkout, m_data->catalog, *m_cartModel,
                                                    *m_searchModel);
    m_customer = std::make_unique<CustomerDisplay>(*m_checkout, m_data->config.storeName);
    connect(m_cashier.get(), &CashierController::paymentOpenChanged, m_customer.get(),
            [this] { m_customer->setPaymentPending(m_cashier->paymentOpen()); });
    auto followLanguage = [this] {
        m_cartModel->setChinese(m_language->chinese());
        m_searchModel->setChinese(m_language->chinese());
    };
    followLanguage();
    connect(m_language.get(), &Language::changed, this, followLanguage);

    registerSingleton<CashierController>("Cashier", &Till::cashier);
    registerSingleton<CustomerDisplay>("Customer", &Till::customer);
    registerSingleton<Language>("Language", &Till::language);

    if (options.singleWindow) {
        load(QStringLiteral("SingleWindow.qml"));
        m_cashierWindow = m_customerWindow =
            qobject_cast<QQuickWindow *>(m_engine->rootObjects().value(0));
    } else {
        load(QStringLiteral("CashierWindow.qml"));
        load(QStringLiteral("CustomerWindow.qml"));
        m_cashierWindow = qobject_cast<QQuickWindow *>(m_engine->rootObjects().value(0));
        m_customerWindow = qobject_cast<QQuickWindow *>(m_engine->rootObjects().value(1));
    }
    if (!m_cashierWindow || !m_customerWindow) {
        *error = tr("The SmartPOS screens failed to load.");
        return false;
    }
    m_wedge = std::make_unique<KeyboardWedge>();
    m_wedge->setMaxGapMs(m_data->config.wedgeMaxGapMs);
    m_wedge->attach(m_cashierWindow);
    connect(m_wedge.get(), &KeyboardWedge::scanned, m_cashier.get(), &CashierController::scan);
    placeWindows(options.singleWindow);
    return true;
}

void Till::load(const QString &qmlFile)
{
    m_engine->load(QUrl(QStringLiteral("qrc:/SmartPOS/") + qmlFile));
}

void Till::placeWindows(bool singleWindow)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (singleWindow || screens.size() < 2 || m_customerWindow == m_cashierWindow) {
        m_cashierWindow->show();
        if (m_customerWindow != m_cashierWindow)
            m_customerWindow->show();
        return;
    }
    // The customer faces the second screen; both run full screen as a till does.
    m_cashierWindow->setScreen(screens[0]);
    m_cashierWindow->setGeometry(screens[0]->geometry());
    m_cashierWindow->showFullScreen();
    m_customerWindow->setScreen(screens[1]);
    m_customerWindow->setGeometry(screens[1]->geometry());
    m_customerWindow->showFullScreen();
}

void Till::whenShown(std::function<void()> ready)
{
    QList<QQuickWindow *> windows;
    for (const QQuickWindow *window : {m_cashierWindow.data(), m_customerWindow.data()})
        if (window && !windows.contains(window))
            windows.append(const_cast<QQuickWindow *>(window));
    auto pending = std::make_shared<int>(int(windows.size()));
    auto once = std::make_shared<std::function<void()>>(std::move(ready));
    for (QQuickWindow *window : windows) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(window, &QQuickWindow::frameSwapped, this, [=] {
            disconnect(*connection);
            if (--*pending == 0 && *once)
                std::exchange(*once, nullptr)();
        });
    }
}

bool Till::saveScreenshots(const QString &dir, QString *error) const
{
    if (!QDir().mkpath(dir)) {
        *error = tr("Cannot create %1.").arg(dir);
        return false;
    }
    QList<std::pair<QQuickWindow *, QString>> shots;
    if (!m_customerWindow)
        shots = {{m_cashierWindow, QStringLiteral("error.png")}};
    else if (m_customerWindow == m_cashierWindow)
        shots = {{m_cashierWindow, QStringLiteral("till.png")}};
    else
        shots = {{m_cashierWindow, QStringLiteral("cashier.png")},
                 {m_customerWindow, QStringLiteral("customer.png")}};
    for (const auto &[window, name] : shots) {
        const QString path = QDir(dir).filePath(name);
        if (!window || !window->grabWindow().save(path)) {
            *error = tr("Cannot write %1.").arg(path);
            return false;
        }
    }
    return true;
}

} // namespace smartpos
