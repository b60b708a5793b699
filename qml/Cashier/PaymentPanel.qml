import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// Cash payment: the amount handed over, typed or picked; Enter pays.
Popup {
    id: popup
    objectName: "paymentPanel"
    modal: true
    focus: true
    visible: Cashier.paymentOpen
    closePolicy: Popup.NoAutoClose
    width: 620
    padding: 24
    onOpened: {
        amount.text = ""
        amount.forceActiveFocus()
    }
    background: Rectangle {
        color: Theme.panel
        radius: Theme.radius * 2
        border.color: Theme.line
    }

    Shortcut { sequence: "F5"; enabled: popup.visible; onActivated: Cashier.payExact() }
    Shortcut { sequence: "F6"; enabled: popup.visible; onActivated: Cashier.payYuan(50) }
    Shortcut { sequence: "F7"; enabled: popup.visible; onActivated: Cashier.payYuan(100) }
    // The cashier view's shortcuts are blocked while this modal popup is open.
    Shortcut { sequence: "Esc"; enabled: popup.visible; onActivated: Cashier.cancelPayment() }

    contentItem: ColumnLayout {
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
