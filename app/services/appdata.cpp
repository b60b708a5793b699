#include "appdata.h"

#include "serviceslog.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace smartpos {

AppConfig AppConfig::load(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("smartpos.ini"));
    QSettings settings(path, QSettings::IniFormat);
    AppConfig config;
    config.storeName =
        settings.value(QStringLiteral("store/name"), QStringLiteral("SmartPOS 便利店")).toString();
    config.language = settings.value(QStringLiteral("ui/language")).toString();
    config.wedgeMaxGapMs =
        qBound(5, settings.value(QStringLiteral("scanner/wedge_max_gap_ms"), 40).toInt(), 500);
    const QStringList layouts =
        settings.value(QStringLiteral("scanner/variable_layouts")).toStringList();
    for (const QString &text : layouts) {
        if (auto layout = VariableCodeLayout::fromString(text))
            config.variableLayouts.append(*layout);
        else
            qCWarning(lcServices,
                      "smartpos.ini: ignoring variable code layout \"%s\" (expected "
                      "prefix:plu_digits:value_digits:price|weight, 13 digits in all)",
                      qPrintable(text));
    }
    if (config.variableLayouts.isEmpty())
        config.variableLayouts = defaultVariableCodeLayouts();
    if (QFile::exists(path))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return config;
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/SmartPOS");
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
