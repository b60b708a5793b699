#include "devicecontroller.h"

#include "camera/camerascanner.h"
#include "camera/camerasource.h"
#include "serial/poledisplay.h"
#include "serial/serialscanner.h"
#include "services/appdata.h"
#include "uilog.h"

namespace smartpos {

DeviceController::DeviceController(QObject *parent)
    : QObject(parent)
    , m_cameraScanner(std::make_unique<devices::CameraScanner>())
{
    connect(m_cameraScanner.get(), &devices::CameraScanner::scanned, this,
            [this](const QString &text) { emit scanned(text); });
}

DeviceController::~DeviceController() = default;

void DeviceController::start(const DeviceConfig &config)
{
    m_cameraId = config.cameraId;
    QString error;
    if (!config.serialScanner.isEmpty()) {
        const QString name = tr("Scanner");
        m_serialScanner = devices::SerialScanner::create(config.serialScanner, &error);
        if (m_serialScanner) {
            connect(m_serialScanner.get(), &devices::SerialScanner::scanned, this,
                    [this](const QString &code) { emit scanned(code); });
            connect(m_serialScanner.get(), &devices::SerialScanner::unreadable, this,
                    &DeviceController::unreadable);
            watch(m_serialScanner.get(), name);
        } else {
            setProblem(name, tr("not used: %1").arg(error));
        }
    }
    if (!config.poleDisplay.isEmpty()) {
        const QString name = tr("Customer display");
        m_pole = devices::PoleDisplay::create(config.poleDisplay, &error);
        if (m_pole)
            watch(m_pole.get(), name);
        else
            setProblem(name, tr("not used: %1").arg(error));
    }
}

void DeviceController::watch(devices::SerialDevice *device, const QString &name)
{
    connect(device, &devices::SerialDevice::stateChanged, this,
            [this, name](devices::SerialDevice::State state, const QString &message) {
                // Connecting says nothing new: a problem stays up until the device is back.
                if (state == devices::SerialDevice::State::Ready)
                    setProblem(name, {});
                else if (state == devices::SerialDevice::State::Unavailable)
                    setProblem(name, message);
            });
    device->open();
}

void DeviceController::setProblem(const QString &device, const QString &message)
{
    if (m_problems.value(device) == message)
        return;
    if (message.isEmpty())
        m_problems.remove(device);
    else
        m_problems.insert(device, message);
    if (!message.isEmpty())
        qCWarning(lcUi).noquote() << device << message;
    emit problemChanged();
}

QString DeviceController::problem() const
{
    QStringList lines;
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it)
        lines << tr("%1: %2").arg(it.key(), it.value());
    return lines.join(u'\n');
}

void DeviceController::toggleCamera()
{
    if (m_cameraOpen) {
        closeCamera();
        return;
    }
    if (!m_camera) {
        m_camera = std::make_unique<devices::CameraSource>();
        m_cameraScanner->setVideoSink(m_camera->videoSink());
        connect(m_camera.get(), &devices::CameraSource::errorOccurred, this,
                [this](const QString &message) { setCamera(true, false, withHint(message)); });
    }
    if (m_camera->start(m_cameraId))
        setCamera(true, true, tr("Hold the code up to the camera. F4 closes this view."));
    else
        setCamera(true, false, withHint(m_camera->errorMessage()));
}

QString DeviceController::withHint(const QString &problem) const
{
    return tr("%1. Plug the camera in and press F4 again, or use the scanner.").arg(problem);
}

void DeviceController::closeCamera()
{
    if (m_camera)
        m_camera->stop();
    setCamera(false, false, {});
}

void DeviceController::setCameraView(QVideoSink *view)
{
    if (!m_camera)
        return;
    m_camera->setViewSink(view);
}

void DeviceController::setCamera(bool open, bool live, const QString &message)
{
    m_cameraOpen = open;
    m_cameraLive = live;
    m_cameraMessage = message;
    emit cameraChanged();
}

} // namespace smartpos
