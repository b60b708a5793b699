import QtQuick
import QtQuick.Controls.Basic
import SmartPOS

// A big touch button that also shows its keyboard key.
Button {
    id: control
    property string keyLabel: ""
    property color tint: Theme.accent
    implicitHeight: 64
    implicitWidth: 140
    focusPolicy: Qt.NoFocus
    contentItem: Item {
        implicitHeight: caption.implicitHeight
        Column {
            id: caption
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: 2
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: control.text
                color: control.enabled ? "white" : "#eeeeee"
                font.pixelSize: Theme.body
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                visible: control.keyLabel.length > 0
                text: control.keyLabel
                color: "#ccffffff"
                font.pixelSize: Theme.small - 2
            }
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? "#b0b4bb" : control.down ? Qt.darker(control.tint, 1.2) : control.tint
    }
}
