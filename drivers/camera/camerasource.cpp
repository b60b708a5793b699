#include "camera/camerasource.h"

#include <QCamera>
#include <QCameraDevice>
#include <QMediaDevices>

#include <algorithm>
#include <cstdlib>

namespace smartpos::devices {

namespace {

// The format nearest 1280×720 at 15 fps or more: enough for codes at arm's length, while larger
// frames only cost decode time. A null format keeps the camera's default.
QCameraFormat preferredFormat(const QCameraDevice &device)
{
    const auto distance = [](const QCameraFormat &format) {
        const QSize size = format.resolution();
        return std::abs(qint64(size.width()) * size.height() - 1280 * 720);
    };
    QCameraFormat best;
    for (const QCameraFormat &format : device.videoFormats()) {
        if (format.maxFrameRate() >= 15 && (best.isNull() || distance(format) < distance(best)))
            best = format;
    }
    return best;
}

// The camera with `id`, or with no id the system's default (or else the first); null if none.
QCameraDevice findCamera(const QList<QCameraDevice> &inputs, const QByteArray &id)
{
    if (id.isEmpty()) {
        const QCameraDevice preferred = QMediaDevices::defaultVideoInput();
        return preferred.isNull() ? inputs.value(0) : preferred;
    }
    const auto found = std::find_if(inputs.begin(), inputs.end(),
                                    [&id](const QCameraDevice &input) { return input.id() == id; });
    return found == inputs.end() ? QCameraDevice() : *found;
}

} // namespace

CameraSource::CameraSource(QObject *parent)
    : QObject(parent)
{
    m_session.setVideoSink(&m_sink);
}

CameraSource::~CameraSource()
{
    stop();
}

QList<CameraDevice> CameraSource::cameras()
{
    QList<CameraDevice> devices;
    for (const QCameraDevice &device : QMediaDevices::videoInputs())
        devices.append({device.id(), device.description()});
    return devices;
}

bool CameraSource::start(const QByteArray &deviceId)
{
    stop();
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    if (inputs.isEmpty())
        return fail(tr("No camera found"));
    const QCameraDevice device = findCamera(inputs, deviceId);
    if (device.isNull())
        return fail(tr("Camera %1 is not connected").arg(QString::fromUtf8(deviceId)));

    m_camera = new QCamera(device, this);
    if (const QCameraFormat format = preferredFormat(device); !format.isNull())
        m_camera->setCameraFormat(format);
    connect(m_camera, &QCamera::activeChanged, this, &CameraSource::activeChanged);
    connect(m_camera, &QCamera::errorOccurred, this,
            [this, name = device.description()](QCamera::Error, const QString &reason) {
                const QString message = tr("Camera %1 failed: %2").arg(name, reason);
                stop();
                fail(message);
            });
    m_session.setCamera(m_camera);
    setErrorMessage({});
    m_camera->start();
    return true;
}

void CameraSource::stop()
{
    if (!m_camera)
        return;
    const bool wasActive = m_camera->isActive();
    m_camera->disconnect(this);
    m_session.setCamera(nullptr);
    // deleteLater: stop() may run inside a signal of this camera.
    m_camera->deleteLater();
    m_camera = nullptr;
    if (m_view)
        m_view->setVideoFrame({});
    if (wasActive)
        emit activeChanged(false);
}

bool CameraSource::active() const
{
    return m_camera && m_camera->isActive();
}

void CameraSource::setViewSink(QVideoSink *view)
{
    if (m_view == view)
        return;
    if (m_view) {
        disconnect(&m_sink, nullptr, m_view, nullptr);
        disconnect(m_view, nullptr, this, nullptr);
    }
    m_view = view;
    if (view) {
        connect(&m_sink, &QVideoSink::videoFrameChanged, view, &QVideoSink::setVideoFrame);
        connect(view, &QObject::destroyed, this, &CameraSource::viewSinkChanged);
    }
    emit viewSinkChanged();
}

bool CameraSource::fail(const QString &message)
{
    setErrorMessage(message);
    emit errorOccurred(message);
    return false;
}

void CameraSource::setErrorMessage(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

} // namespace smartpos::devices
