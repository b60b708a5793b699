import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SmartPOS

// A big touch button that also shows its keyboard key.
Button {
    id: control
    property string keyLabel: ""
    property color tint: Theme.accent
    implicitHeight: 64
    implicitWidth: 140
    focusPolicy: Qt.NoFocus
    // The caption, and its key below it, centred vertically.
    contentItem: ColumnLayout {
        spacing: 2
        Item { Layout.fillHeight: true }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: control.text
            color: control.enabled ? "white" : "#eeeeee"
            font.pixelSize: Theme.body
            font.bold: true
            // Narrow screens: a smaller caption rather than a cut one.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.small
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: control.keyLabel.length > 0
            text: control.keyLabel
            color: "#ccffffff"
            font.pixelSize: Theme.small - 2
        }
        Item { Layout.fillHeight: true }
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? "#b0b4bb" : control.down ? Qt.darker(control.tint, 1.2) : control.tint
    }
}
