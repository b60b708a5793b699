import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// Cash payment: the amount handed over, typed or picked; Enter pays. It covers the cashier's
// view only, so with --single-window the customer's half stays bright and readable.
Rectangle {
    id: overlay
    objectName: "paymentPanel"
    signal closed()
    visible: Cashier.paymentOpen
    color: "#99000000"
    onVisibleChanged: {
        if (visible) {
            amount.text = ""
            amount.forceActiveFocus()
        } else {
            overlay.closed()
        }
    }

    // Nothing behind the panel can be clicked while it is open.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        onWheel: (wheel) => { wheel.accepted = true }
    }

    Shortcut { sequence: "F5"; enabled: overlay.visible; onActivated: Cashier.payExact() }
    Shortcut { sequence: "F6"; enabled: overlay.visible; onActivated: Cashier.payYuan(50) }
    Shortcut { sequence: "F7"; enabled: overlay.visible; onActivated: Cashier.payYuan(100) }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(620, parent.width - 40)
        height: content.implicitHeight + 48
        color: Theme.panel
        radius: Theme.radius * 2
        border.color: Theme.line

        ColumnLayout {
            id: content
            anchors.fill: parent
            anchors.margins: 24
            spacing: 14
            Text {
                text: qsTr("Cash payment")
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.ink
            }
            Text {
                objectName: "amountDue"
                text: qsTr("Amount due ¥%1").arg(Cashier.totalText)
                font.pixelSize: Theme.large
                color: Theme.accent
                font.bold: true
            }
            Banner {
                Layout.fillWidth: true
                text: Cashier.message
                isError: Cashier.messageIsError
            }
            TextField {
                id: amount
                objectName: "amountField"
                Layout.fillWidth: true
                Layout.preferredHeight: 64
                font.pixelSize: Theme.large
                placeholderText: qsTr("Cash received, e.g. 100")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                onAccepted: Cashier.payCash(text.length > 0 ? text : Cashier.totalText)
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 10
                KeyButton {
                    Layout.fillWidth: true
                    text: qsTr("Exact amount")
                    keyLabel: "F5"
                    tint: Theme.ok
                    onClicked: Cashier.payExact()
                }
                KeyButton {
                    Layout.fillWidth: true
                    text: "¥50"
                    keyLabel: "F6"
                    tint: Theme.ok
                    onClicked: Cashier.payYuan(50)
                }
                KeyButton {
                    Layout.fillWidth: true
                    text: "¥100"
                    keyLabel: "F7"
                    tint: Theme.ok
                    onClicked: Cashier.payYuan(100)
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 10
                KeyButton {
                    Layout.fillWidth: true
                    text: qsTr("Pay")
                    keyLabel: "Enter"
                    onClicked: Cashier.payCash(amount.text.length > 0 ? amount.text : Cashier.totalText)
                }
                KeyButton {
                    Layout.fillWidth: true
                    text: qsTr("Back")
                    keyLabel: "Esc"
                    tint: Theme.muted
                    onClicked: Cashier.cancelPayment()
                }
            }
        }
    }
}
