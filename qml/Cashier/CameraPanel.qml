import QtQuick
import QtQuick.Layouts
import QtMultimedia
import SmartPOS
import SmartPOS.Backend

// The camera view (F4): what the camera sees, for the customer to hold a phone's code up to.
// Codes it reads go into the sale like any scan; the camera runs only while this is open.
Rectangle {
    id: panel
    objectName: "cameraPanel"
    visible: Devices.cameraOpen
    color: Theme.panel
    radius: Theme.radius
    border.color: Theme.line

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        Text {
            text: qsTr("Camera")
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.ink
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: Devices.cameraLive
            color: "black"
            radius: 4
            Loader {
                anchors.fill: parent
                active: panel.visible && Devices.cameraLive
                sourceComponent: VideoOutput {
                    fillMode: VideoOutput.PreserveAspectFit
                    Component.onCompleted: Devices.setCameraView(videoSink)
                }
            }
        }
        Text {
            objectName: "cameraMessage"
            Layout.fillWidth: true
            text: Devices.cameraMessage
            wrapMode: Text.Wrap
            font.pixelSize: Theme.body
            color: Devices.cameraLive ? Theme.ink : Theme.error
        }
        Item {
            Layout.fillHeight: !Devices.cameraLive
        }
    }
}
