pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// Join and earn points: scan the code with a phone, or type the number here. "I'm a member"
// signs an existing member in; "Join" needs the consent box ticked. Every target is at least
// 64 px.
Rectangle {
    id: panel
    objectName: "joinPanel"
    property int rowSize: 30
    readonly property int keyHeight: Math.max(64, Math.round(rowSize * 1.9))
    color: Theme.panel
    radius: Theme.radius * 2
    border.color: Theme.line

    component PadKey: Rectangle {
        id: key
        property string label: ""
        property color tint: "#eceef2"
        property color ink: Theme.ink
        signal tapped()
        implicitHeight: panel.keyHeight
        radius: Theme.radius
        color: !key.enabled ? "#d5d8de" : area.pressed ? Qt.darker(key.tint, 1.15) : key.tint
        Text {
            anchors.centerIn: parent
            width: parent.width - 12
            horizontalAlignment: Text.AlignHCenter
            text: key.label
            font.pixelSize: panel.rowSize
            font.bold: true
            color: key.enabled ? key.ink : "#f4f5f7"
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 14
        }
        MouseArea {
            id: area
            anchors.fill: parent
            enabled: key.enabled
            onClicked: key.tapped()
        }
    }

    implicitHeight: content.implicitHeight + 2 * content.anchors.margins

    ColumnLayout {
        id: content
        anchors.fill: parent
        anchors.margins: panel.rowSize * 0.5
        spacing: panel.rowSize * 0.3

        RowLayout {
            Layout.fillWidth: true
            spacing: panel.rowSize * 0.5
            QrCode {
                objectName: "joinQr"
                Layout.preferredWidth: Math.round(panel.rowSize * 4.2)
                Layout.preferredHeight: Layout.preferredWidth
                text: Customer.joinUrl
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 4
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Join and earn points")
                    font.pixelSize: panel.rowSize
                    font.bold: true
                    color: Theme.accent
                    wrapMode: Text.Wrap
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Scan the code with your phone, or type your mobile number")
                    font.pixelSize: panel.rowSize * 0.6
                    color: Theme.muted
                    wrapMode: Text.Wrap
                }
            }
        }
        // The number typed so far.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: panel.keyHeight
            radius: Theme.radius
            color: Theme.background
            border.color: Theme.line
            Text {
                objectName: "joinPhone"
                anchors.fill: parent
                anchors.leftMargin: 16
                verticalAlignment: Text.AlignVCenter
                text: Customer.phoneText.length > 0 ? Customer.phoneText : qsTr("Mobile number")
                font.pixelSize: panel.rowSize * 1.1
                font.bold: Customer.phoneText.length > 0
                color: Customer.phoneText.length > 0 ? Theme.ink : Theme.muted
            }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 3
            rowSpacing: 8
            columnSpacing: 8
            Repeater {
                model: [1, 2, 3, 4, 5, 6, 7, 8, 9]
                delegate: PadKey {
                    required property int modelData
                    objectName: "keypad" + modelData
                    Layout.fillWidth: true
                    label: String(modelData)
                    onTapped: Customer.pressDigit(modelData)
                }
            }
            PadKey {
                objectName: "keypadClear"
                Layout.fillWidth: true
                label: qsTr("Clear")
                onTapped: Customer.clearKeypad()
            }
            PadKey {
                objectName: "keypad0"
                Layout.fillWidth: true
                label: "0"
                onTapped: Customer.pressDigit(0)
            }
            PadKey {
                objectName: "keypadDelete"
                Layout.fillWidth: true
                label: "⌫"
                onTapped: Customer.deleteDigit()
            }
        }
        // The consent: the whole row is the target.
        Rectangle {
            objectName: "consentBox"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(panel.keyHeight, consentText.implicitHeight + 16)
            radius: Theme.radius
            color: consentArea.pressed ? Theme.line : "transparent"
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                spacing: 12
                Rectangle {
                    Layout.preferredWidth: 44
                    Layout.preferredHeight: 44
                    radius: 6
                    border.width: 3
                    border.color: Customer.consent ? Theme.ok : Theme.muted
                    color: Customer.consent ? Theme.ok : "white"
                    Text {
                        anchors.centerIn: parent
                        visible: Customer.consent
                        text: "✓"
                        font.pixelSize: 32
                        font.bold: true
                        color: "white"
                    }
                }
                Text {
                    id: consentText
                    Layout.fillWidth: true
                    text: Customer.consentText
                    font.pixelSize: panel.rowSize * 0.6
                    color: Theme.ink
                    wrapMode: Text.Wrap
                }
            }
            MouseArea {
                id: consentArea
                anchors.fill: parent
                onClicked: Customer.consent = !Customer.consent
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            PadKey {
                objectName: "signInButton"
                Layout.fillWidth: true
                label: qsTr("I'm a member")
                enabled: Customer.canSignIn
                tint: Theme.muted
                ink: "white"
                onTapped: Customer.signIn()
            }
            PadKey {
                objectName: "joinButton"
                Layout.fillWidth: true
                label: qsTr("Join")
                enabled: Customer.canJoin
                tint: Theme.accent
                ink: "white"
                onTapped: Customer.join()
            }
        }
        Item { Layout.fillHeight: true }
    }
}
