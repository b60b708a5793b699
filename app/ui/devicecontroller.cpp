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
{
}

devices::CameraScanner *DeviceController::cameraScanner()
{
    // Made on first use: a till whose cashier never opens the camera starts no decoding thread.
    if (!m_cameraScanner) {
        m_cameraScanner = std::make_unique<devices::CameraScanner>();
        connect(m_cameraScanner.get(), &devices::CameraScanner::scanned, this,
                [this](const QString &text) { emit scanned(text); });
    }
    return m_cameraScanner.get();
}

DeviceController::~DeviceController() = default;

void DeviceController::start(const DeviceConfig &config)
{
    m_cameraId = config.cameraId;
    QString error;
    if (!config.serialScanner.isEmpty()) {
        const Device name = Device::Scanner;
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
        const Device name = Device::Display;
        m_pole = devices::PoleDisplay::create(config.poleDisplay, &error);
        if (m_pole)
            watch(m_pole.get(), name);
        else
            setProblem(name, tr("not used: %1").arg(error));
    }
}

void DeviceController::watch(devices::SerialDevice *device, Device name)
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

void DeviceController::setProblem(Device device, const QString &message)
{
    if (m_problems.value(device) == message)
        return;
    if (message.isEmpty())
        m_problems.remove(device);
    else
        m_problems.insert(device, message);
    if (!message.isEmpty())
        qCWarning(lcUi).noquote() << message;
    emit problemChanged();
}

QString DeviceController::deviceName(Device device)
{
    switch (device) {
    case Device::Scanner:
        return tr("Scanner");
    case Device::Display:
        return tr("Customer display");
    case Device::Promotions:
        return tr("Promotions not applied");
    case Device::Members:
        return tr("Members and coupons");
    }
    return {};
}

QString DeviceController::problem() const
{
    QStringList lines;
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it)
        lines << tr("%1: %2").arg(deviceName(it.key()), it.value());
    return lines.join(u'\n');
}

void DeviceController::toggleCamera()
{
    if (m_cameraOpen)
        closeCamera();
    else
        openCamera();
}

void DeviceController::openCamera()
{
    if (!m_camera) {
        m_camera = std::make_unique<devices::CameraSource>();
        cameraScanner()->setVideoSink(m_camera->videoSink());
        connect(m_camera.get(), &devices::CameraSource::errorOccurred, this,
                [this](const QString &message) { setCamera(true, false, withHint(message)); });
    }
    if (m_camera->start(m_cameraId))
        setCamera(true, true, liveHint());
    else
        setCamera(true, false, withHint(m_camera->errorMessage()));
}

void DeviceController::retranslate()
{
    emit problemChanged();
    // The camera's words were chosen when it was opened: ask again, in the new language.
    if (m_cameraOpen && !m_cameraLive)
        openCamera();
    else if (m_cameraLive)
        setCamera(true, true, liveHint());
}

QString DeviceController::liveHint() const
{
    return tr("Hold the code up to the camera. F4 closes this view.");
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
