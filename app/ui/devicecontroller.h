#pragma once

#include <QMap>
#include <QObject>
#include <QString>

#include <memory>

class QVideoSink;

namespace smartpos {

struct DeviceConfig;

namespace devices {
class CameraScanner;
class CameraSource;
class PoleDisplay;
class SerialDevice;
class SerialScanner;
} // namespace devices

// The till's devices besides the receipt printer: a serial scanner and the customer's pole
// display (both from smartpos.ini), and the camera the cashier opens to read a phone's code.
// Every code read leaves as scanned(), which the composition root sends down the same path as
// the keyboard wedge's. What is wrong with a device is kept for a strip on the cashier window
// until the device is back.
class DeviceController : public QObject {
    Q_OBJECT
    // One line per device (or setting) that is not working, e.g. "Scanner: … unplugged"; empty
    // when all work.
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)
    Q_PROPERTY(bool cameraOpen READ cameraOpen NOTIFY cameraChanged)
    // The open view has a picture to show (false: only the message, e.g. no camera found).
    Q_PROPERTY(bool cameraLive READ cameraLive NOTIFY cameraChanged)
    // What the camera view says: how to use it, or why there is no picture.
    Q_PROPERTY(QString cameraMessage READ cameraMessage NOTIFY cameraChanged)
public:
    explicit DeviceController(QObject *parent = nullptr);
    ~DeviceController() override;

    // Opens the serial scanner and the pole display the settings name; each reconnects by itself.
    void start(const DeviceConfig &config);

    QString problem() const;
    bool cameraOpen() const { return m_cameraOpen; }
    bool cameraLive() const { return m_cameraLive; }
    QString cameraMessage() const { return m_cameraMessage; }

    // The camera view: opened with the camera the settings name (or the default one), closed
    // again; the camera runs only while the view is open.
    Q_INVOKABLE void toggleCamera();
    Q_INVOKABLE void closeCamera();
    // Where the open view draws the camera's picture (a QML VideoOutput's videoSink).
    Q_INVOKABLE void setCameraView(QVideoSink *view);

    // The store's promotions file cannot be used (the sale goes on without promotions).
    void reportPromotionsProblem(const QString &message)
    {
        setProblem(Device::Promotions, message);
    }
    // The member list, the code keys or the coupon pool cannot be used (sales go on without).
    void reportMembersProblem(const QString &message) { setProblem(Device::Members, message); }

    // The language changed: what is shown is said again in it (a device's own message stays as
    // it came until the device's state changes).
    void retranslate();

    // The display the settings name, or null.
    devices::PoleDisplay *poleDisplay() const { return m_pole.get(); }
    // Reads the camera's frames; tests hand it frames of their own.
    devices::CameraScanner *cameraScanner();

signals:
    void scanned(const QString &code);
    // A scan was read but dropped (too long, garbled): what to tell the cashier.
    void unreadable(const QString &message);
    void problemChanged();
    void cameraChanged();

private:
    enum class Device { Scanner, Display, Promotions, Members };
    void watch(devices::SerialDevice *device, Device name);
    void setProblem(Device device, const QString &message);
    static QString deviceName(Device device);
    void openCamera();
    QString liveHint() const;
    void setCamera(bool open, bool live, const QString &message);
    // What the cashier can do about a camera problem.
    QString withHint(const QString &problem) const;

    std::unique_ptr<devices::SerialScanner> m_serialScanner;
    std::unique_ptr<devices::PoleDisplay> m_pole;
    std::unique_ptr<devices::CameraScanner> m_cameraScanner;
    std::unique_ptr<devices::CameraSource> m_camera; // made when first opened
    QByteArray m_cameraId;
    QMap<Device, QString> m_problems; // what is wrong, as the device said it
    bool m_cameraOpen = false;
    bool m_cameraLive = false;
    QString m_cameraMessage;
};

} // namespace smartpos
