import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// F6: the member by phone number. Enter looks the number up; Ctrl+Enter signs the customer up,
// once the cashier has read out the consent and the customer agreed; Esc closes. A member code
// scanned meanwhile does it too.
Rectangle {
    id: overlay
    objectName: "memberEntry"
    signal closed()
    property bool opened: false
    visible: opened
    color: "#99000000"

    function open() {
        Cashier.clearMessage()
        phone.text = ""
        opened = true
        phone.forceActiveFocus()
    }
    function close() {
        if (!opened)
            return
        opened = false
        overlay.closed()
    }
    function lookUp() {
        if (Cashier.identifyMember(phone.text))
            close()
    }
    function join() {
        if (Cashier.joinMember(phone.text))
            close()
    }

    Connections {
        target: Cashier
        function onHasMemberChanged() {
            if (Cashier.hasMember)
                overlay.close()
        }
    }

    // Nothing behind the panel can be clicked while it is open.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        onWheel: (wheel) => { wheel.accepted = true }
    }

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
                text: qsTr("Member by phone number")
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.ink
            }
            Banner {
                Layout.fillWidth: true
                text: Cashier.message
                isError: Cashier.messageIsError
            }
            TextField {
                id: phone
                objectName: "memberPhoneField"
                Layout.fillWidth: true
                Layout.preferredHeight: 64
                font.pixelSize: Theme.large
                placeholderText: qsTr("Mobile number, e.g. 138 1234 5678")
                inputMethodHints: Qt.ImhDialableCharactersOnly
                maximumLength: 20
                Keys.onPressed: (event) => {
                    if (event.key !== Qt.Key_Return && event.key !== Qt.Key_Enter)
                        return
                    if (event.modifiers & Qt.ControlModifier)
                        overlay.join()
                    else
                        overlay.lookUp()
                    event.accepted = true
                }
            }
            // Read out before Ctrl+Enter: the sign-up records that the customer agreed to it.
            Text {
                Layout.fillWidth: true
                text: qsTr("To sign up, read out and ask: “%1”").arg(Cashier.consentText)
                font.pixelSize: Theme.small
                color: Theme.muted
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 10
                KeyButton {
                    Layout.fillWidth: true
                    text: qsTr("Look up")
                    keyLabel: "Enter"
                    onClicked: overlay.lookUp()
                }
                KeyButton {
                    Layout.fillWidth: true
                    text: qsTr("Sign up (agreed)")
                    keyLabel: "Ctrl+Enter"
                    tint: Theme.ok
                    onClicked: overlay.join()
                }
                KeyButton {
                    Layout.fillWidth: true
                    text: qsTr("Back")
                    keyLabel: "Esc"
                    tint: Theme.muted
                    onClicked: overlay.close()
                }
            }
        }
    }
}
