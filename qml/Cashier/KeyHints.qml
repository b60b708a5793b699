pragma ComponentBehavior: Bound
import QtQuick
import SmartPOS

// Every key of the cashier screen, always visible.
Rectangle {
    implicitHeight: hints.implicitHeight + 16
    color: "#2b3140"
    radius: Theme.radius
    Flow {
        id: hints
        anchors.fill: parent
        anchors.margins: 8
        spacing: 18
        Repeater {
            model: [
                ["Enter", qsTr("Add barcode / next sale")],
                ["F2", qsTr("Search")],
                ["F4", qsTr("Camera")],
                ["↑ ↓", qsTr("Select line")],
                ["+ −", qsTr("Quantity")],
                ["Del", qsTr("Remove line")],
                ["Ctrl+Del", qsTr("Cancel sale")],
                ["F12", qsTr("Pay cash")],
                // F7, F11, Shift+F6 and Ctrl+G are on the member strip when they apply.
                ["F6", qsTr("Member")],
                ["F8", qsTr("No sale")],
                ["F10", qsTr("Reprint")],
                ["Esc", qsTr("Back")],
                ["F9", qsTr("Language")]
            ]
            delegate: Row {
                id: hint
                required property var modelData
                spacing: 6
                Rectangle {
                    width: key.implicitWidth + 12
                    height: key.implicitHeight + 4
                    radius: 4
                    color: "#4a5263"
                    Text {
                        id: key
                        anchors.centerIn: parent
                        text: hint.modelData[0]
                        color: "white"
                        font.pixelSize: Theme.small
                        font.bold: true
                    }
                }
                Text {
                    text: hint.modelData[1]
                    color: "#d9dde5"
                    font.pixelSize: Theme.small
                }
            }
        }
    }
}
