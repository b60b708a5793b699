#include "appdata.h"

#include "serviceslog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace smartpos {

namespace {

// [limits] in yuan ("20000" or "20000.00"); a value that is not a valid limit keeps the default.
void loadLimits(QSettings &settings, MoneyLimits *limits)
{
    const struct {
        const char *key;
        Money *value;
    } entries[] = {
        {"limits/unit_price", &limits->unitPrice},
        {"limits/line", &limits->line},
        {"limits/sale", &limits->sale},
        {"limits/cash_received", &limits->cashReceived},
        {"limits/confirm_change", &limits->confirmChange},
    };
    for (const auto &entry : entries) {
        const QString text = settings.value(QLatin1StringView(entry.key)).toString();
        if (text.isEmpty())
            continue;
        const auto limit = Money::parse(text);
        if (limit && MoneyLimits::isValidLimit(*limit))
            *entry.value = *limit;
        else
            qCWarning(lcServices,
                      "smartpos.ini: ignoring %s = \"%s\" (expected an amount in yuan above 0 and "
                      "at most %s); keeping %s",
                      entry.key, qPrintable(text), qPrintable(MoneyLimits::ceiling.toString()),
                      qPrintable(entry.value->toString()));
    }
}

} // namespace

AppConfig AppConfig::load(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("smartpos.ini"));
    QSettings settings(path, QSettings::IniFormat);
    AppConfig config;
    config.storeName =
        settings.value(QStringLiteral("store/name"), QStringLiteral("SmartPOS 便利店")).toString();
    config.storeAddress = settings.value(QStringLiteral("store/address")).toString();
    config.storePhone = settings.value(QStringLiteral("store/phone")).toString();
    config.terminalName = settings.value(QStringLiteral("store/terminal")).toString();
    config.printer.uri = settings.value(QStringLiteral("printer/uri")).toString().trimmed();
    config.printer.widthMm =
        settings.value(QStringLiteral("printer/width_mm"), 80).toInt() == 58 ? 58 : 80;
    const QString receiptLanguage = settings.value(QStringLiteral("receipt/language")).toString();
    config.printer.language = receiptLanguage == u"zh_CN" ? ReceiptLanguage::Chinese
                              : receiptLanguage == u"en"  ? ReceiptLanguage::English
                                                          : ReceiptLanguage::Both;
    config.printer.footer = settings.value(QStringLiteral("receipt/footer")).toString();
    if (const QString logo = settings.value(QStringLiteral("receipt/logo")).toString().trimmed();
        !logo.isEmpty())
        config.printer.logo = QDir(dataDir).absoluteFilePath(logo);
    config.devices.serialScanner =
        settings.value(QStringLiteral("scanner/serial")).toString().trimmed();
    config.devices.poleDisplay =
        settings.value(QStringLiteral("display/pole")).toString().trimmed();
    config.devices.cameraId =
        settings.value(QStringLiteral("camera/device")).toByteArray().trimmed();
    config.promotionsFile = QDir(dataDir).absoluteFilePath(
        settings.value(QStringLiteral("promotions/file"), QStringLiteral("promotions.json"))
            .toString()
            .trimmed());
    if (const QByteArray zone =
            settings.value(QStringLiteral("store/time_zone")).toByteArray().trimmed();
        !zone.isEmpty()) {
        if (QTimeZone::isTimeZoneIdAvailable(zone))
            config.timeZone = QTimeZone(zone);
        else
            qCWarning(lcServices,
                      "smartpos.ini: ignoring time_zone \"%s\" (expected an IANA id such as "
                      "Asia/Shanghai); keeping %s",
                      zone.constData(), config.timeZone.id().constData());
    }
    config.language = settings.value(QStringLiteral("ui/language")).toString();
    config.wedgeMaxGapMs =
        qBound(5, settings.value(QStringLiteral("scanner/wedge_max_gap_ms"), 40).toInt(), 500);
    const QStringList layoutTexts =
        settings.value(QStringLiteral("scanner/variable_layouts")).toStringList();
    QList<VariableCodeLayout> layouts;
    for (const QString &text : layoutTexts) {
        if (auto layout = VariableCodeLayout::fromString(text.trimmed()))
            layouts.append(*layout);
        else
            qCWarning(lcServices,
                      "smartpos.ini: ignoring variable code layout \"%s\" (expected "
                      "prefix:plu_digits:value_digits:price|weight[:markdown], 13 digits in all)",
                      qPrintable(text));
    }
    // The store's layouts replace the defaults; none valid keeps the defaults.
    if (!layouts.isEmpty())
        config.rules.layouts = layouts;
    loadLimits(settings, &config.rules.limits);
    if (QFile::exists(path))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return config;
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/SmartPOS");
}

Result<PromotionSet> loadPromotions(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return PromotionSet{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Storage,
                     QCoreApplication::translate("smartpos::AppData", "Cannot read %1: %2")
                         .arg(path, file.errorString())};
    // A store's promotions are a few kilobytes; anything this large is the wrong file.
    constexpr qint64 largestFile = 1 << 20;
    if (file.size() > largestFile)
        return Error{ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "smartpos::AppData", "%1 is %2 bytes: promotions files are at most 1 MiB")
                         .arg(path)
                         .arg(file.size())};
    Result<PromotionSet> promotions = parsePromotions(file.readAll());
    if (!promotions)
        return Error{ErrorCode::InvalidInput,
                     QCoreApplication::translate("smartpos::AppData", "%1: %2")
                         .arg(path, promotions.error().message)};
    return promotions;
}

Status AppData::open(const QString &dataDir, const QString &keyDir)
{
    if (QString problem; !prepareDataDir(dataDir, &problem))
        return Error{ErrorCode::Storage, problem};
    if (Status locked = lock.acquire(dataDir); !locked)
        return locked;
    config = AppConfig::load(dataDir);
    if (Status opened = catalog.open(dataDir); !opened)
        return opened;
    return ledger.open(dataDir, KeyFolder::resolve(keyDir, dataDir));
}

} // namespace smartpos
