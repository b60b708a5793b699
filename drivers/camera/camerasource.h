#pragma once

#include <QByteArray>
#include <QList>
#include <QMediaCaptureSession>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVideoSink>

class QCamera;

namespace smartpos::devices {

struct CameraDevice {
    QByteArray id;
    QString description; // as the system names it, e.g. "HD Pro Webcam C920"
};

// A camera whose frames go to videoSink(), which CameraSource owns, so a CameraScanner can read
// them whether or not a view is shown.
//
// Showing the same frames: in Qt 6.4 a QMediaCaptureSession has a single video output, so the
// session always renders into videoSink() and each frame is passed on (queued to the view's
// thread) to the sink set with setViewSink(), e.g. a QML VideoOutput's videoSink. The scanner
// keeps listening to videoSink() whatever view comes and goes, and since no renderer is attached
// to that sink, the backend hands it frames in memory, which the scanner maps cheaply.
class CameraSource : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QVideoSink *viewSink READ viewSink WRITE setViewSink NOTIFY viewSinkChanged)
public:
    explicit CameraSource(QObject *parent = nullptr);
    ~CameraSource() override;

    static QList<CameraDevice> cameras();

    // Opens the camera with this id, or the system's default camera. False, with
    // errorOccurred(), when there is no such camera; a camera that fails later reports the same
    // way and stops.
    Q_INVOKABLE bool start(const QByteArray &deviceId = {});
    Q_INVOKABLE void stop();
    bool active() const;
    // What went wrong last, for a person; empty after a successful start().
    QString errorMessage() const { return m_errorMessage; }

    QVideoSink *videoSink() { return &m_sink; }
    void setViewSink(QVideoSink *view);
    QVideoSink *viewSink() const { return m_view; }

signals:
    void activeChanged(bool active);
    void errorMessageChanged();
    void errorOccurred(const QString &message);
    void viewSinkChanged();

private:
    bool fail(const QString &message);
    void setErrorMessage(const QString &message);

    QMediaCaptureSession m_session;
    QVideoSink m_sink;
    QPointer<QVideoSink> m_view;
    QCamera *m_camera = nullptr;
    QString m_errorMessage;
};

} // namespace smartpos::devices
