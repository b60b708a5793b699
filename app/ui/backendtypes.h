#pragma once

// The SmartPOS.Backend QML module: the controllers as singletons whose instances the composition
// root provides, declared at compile time so qmllint and the QML compiler know every property.
#include "cashiercontroller.h"
#include "customerdisplay.h"
#include "devicecontroller.h"
#include "language.h"
#include "syncindicator.h"
#include "uilog.h"

#include <QQmlEngine>

namespace smartpos {

// Hands `instance` (owned by the caller, outliving `engine`) to the QML singleton of type T.
template <typename T> void provideSingleton(QQmlEngine &engine, T *instance)
{
    engine.setProperty(T::staticMetaObject.className(), QVariant::fromValue(instance));
}

template <typename T> T *providedSingleton(QQmlEngine *engine)
{
    T *instance = engine->property(T::staticMetaObject.className()).template value<T *>();
    if (instance)
        QQmlEngine::setObjectOwnership(instance, QQmlEngine::CppOwnership);
    else
        qCWarning(lcUi, "SmartPOS.Backend: no %s was provided to this engine",
                  T::staticMetaObject.className());
    return instance;
}

struct CashierSingleton {
    Q_GADGET
    QML_FOREIGN(smartpos::CashierController)
    QML_NAMED_ELEMENT(Cashier)
    QML_SINGLETON
public:
    static CashierController *create(QQmlEngine *engine, QJSEngine *)
    {
        return providedSingleton<CashierController>(engine);
    }
};

struct CustomerSingleton {
    Q_GADGET
    QML_FOREIGN(smartpos::CustomerDisplay)
    QML_NAMED_ELEMENT(Customer)
    QML_SINGLETON
public:
    static CustomerDisplay *create(QQmlEngine *engine, QJSEngine *)
    {
        return providedSingleton<CustomerDisplay>(engine);
    }
};

struct LanguageSingleton {
    Q_GADGET
    QML_FOREIGN(smartpos::Language)
    QML_NAMED_ELEMENT(Language)
    QML_SINGLETON
public:
    static Language *create(QQmlEngine *engine, QJSEngine *)
    {
        return providedSingleton<Language>(engine);
    }
};

struct DevicesSingleton {
    Q_GADGET
    QML_FOREIGN(smartpos::DeviceController)
    QML_NAMED_ELEMENT(Devices)
    QML_SINGLETON
public:
    static DeviceController *create(QQmlEngine *engine, QJSEngine *)
    {
        return providedSingleton<DeviceController>(engine);
    }
};

struct SyncSingleton {
    Q_GADGET
    QML_FOREIGN(smartpos::SyncIndicator)
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
public:
    static SyncIndicator *create(QQmlEngine *engine, QJSEngine *)
    {
        return providedSingleton<SyncIndicator>(engine);
    }
};

} // namespace smartpos
