import QtQuick
import QtQuick.Controls.Basic
import SmartPOS

// Shown instead of the till when the data directory cannot be used: nothing was changed.
Window {
    id: window
    required property string message
    width: 900
    height: 420
    visible: true
    color: Theme.background
    title: qsTr("SmartPOS cannot start")

    Column {
        anchors.centerIn: parent
        width: parent.width - 80
        spacing: 20
        Text {
            text: qsTr("SmartPOS cannot start")
            font.pixelSize: Theme.large
            font.bold: true
            color: Theme.error
        }
        Text {
            objectName: "errorMessage"
            width: parent.width
            text: window.message
            wrapMode: Text.Wrap
            font.pixelSize: Theme.body
            color: Theme.ink
        }
        Text {
            width: parent.width
            text: qsTr("No sale was lost: the data files were not changed. Fix the problem above, then start SmartPOS again.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.small
            color: Theme.muted
        }
        Button {
            text: qsTr("Quit")
            onClicked: Qt.quit()
        }
    }
}
