pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// The cashier's screen: scan, cart, totals, payment. Keyboard first; every key is on screen.
Item {
    id: root

    function backToScan() {
        search.clear()
        scanField.forceActiveFocus()
    }

    // Keys work from the first moment, without a click into the window.
    Component.onCompleted: scanField.forceActiveFocus()

    // The keys of the sale; the payment panel and the member entry have their own meanwhile.
    readonly property bool saleKeys: !Cashier.paymentOpen && !memberEntry.opened

    Shortcut { sequence: "F2"; enabled: root.saleKeys; onActivated: search.open() }
    Shortcut { sequence: "F8"; onActivated: Cashier.noSale() }
    Shortcut { sequence: "F10"; onActivated: Cashier.reprintLast() }
    Shortcut { sequence: "F12"; enabled: !memberEntry.opened; onActivated: Cashier.openPayment() }
    Shortcut { sequence: "F9"; onActivated: Language.toggle() }
    Shortcut { sequence: "F4"; onActivated: Devices.toggleCamera() }
    Shortcut { sequence: "F6"; enabled: root.saleKeys; onActivated: memberEntry.open() }
    Shortcut { sequence: "Shift+F6"; enabled: root.saleKeys; onActivated: Cashier.removeMember() }
    Shortcut { sequence: "F7"; enabled: root.saleKeys; onActivated: Cashier.toggleRedeemPoints() }
    Shortcut { sequence: "F11"; enabled: root.saleKeys; onActivated: Cashier.removeLastCoupon() }
    Shortcut { sequence: "Ctrl+G"; enabled: root.saleKeys; onActivated: Cashier.giveCoupon() }
    Shortcut {
        sequence: "Esc"
        onActivated: {
            if (memberEntry.opened)
                memberEntry.close()
            else if (Cashier.paymentOpen)
                Cashier.cancelPayment()
            else if (Devices.cameraOpen)
                Devices.closeCamera()
            Cashier.clearMessage()
            root.backToScan()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        // Header: store and what the screen is.
        RowLayout {
            Layout.fillWidth: true
            Text {
                text: Customer.storeName
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.accent
            }
            Text {
                text: qsTr("Cashier")
                font.pixelSize: Theme.body
                color: Theme.muted
                Layout.leftMargin: 12
            }
            Item { Layout.fillWidth: true }
            // The chain's cloud: sales go on offline; the cashier sees that they wait.
            Rectangle {
                objectName: "syncPill"
                visible: Sync.enrolled
                Layout.rightMargin: 16
                implicitWidth: syncRow.implicitWidth + 24
                implicitHeight: syncRow.implicitHeight + 10
                radius: height / 2
                color: Sync.online ? Theme.okTint : Theme.warningTint
                Row {
                    id: syncRow
                    anchors.centerIn: parent
                    spacing: 8
                    Rectangle {
                        anchors.verticalCenter: parent.verticalCenter
                        width: 12
                        height: 12
                        radius: 6
                        color: Sync.online ? Theme.ok : Theme.warning
                    }
                    Text {
                        objectName: "syncSummary"
                        text: Sync.summary
                        font.pixelSize: Theme.small
                        color: Theme.ink
                    }
                }
            }
            Text {
                text: Language.chinese ? "中文 · F9 English" : "English · F9 中文"
                font.pixelSize: Theme.small
                color: Theme.muted
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 16

            // Left: scan field, cart.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 10

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 10
                    TextField {
                        id: scanField
                        objectName: "scanField"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 56
                        focus: true
                        font.pixelSize: Theme.body
                        placeholderText: qsTr("Scan or type a barcode, then Enter")
                        inputMethodHints: Qt.ImhNoPredictiveText
                        onAccepted: {
                            if (text.length === 0)
                                Cashier.dismissPaid()
                            else
                                Cashier.scan(text)
                            text = ""
                        }
                        Keys.onPressed: (event) => {
                            if (event.key === Qt.Key_Up) {
                                Cashier.selectedLine = Math.max(0, Cashier.selectedLine - 1)
                                event.accepted = true
                            } else if (event.key === Qt.Key_Down) {
                                Cashier.selectedLine = Cashier.selectedLine + 1
                                event.accepted = true
                            } else if (event.key === Qt.Key_Delete && text.length === 0) {
                                // Here, not a Shortcut: a focused text field claims Delete first.
                                if (event.modifiers & Qt.ControlModifier)
                                    Cashier.voidCart()
                                else
                                    Cashier.removeSelectedLine()
                                event.accepted = true
                            } else if (event.text === "+" && text.length === 0) {
                                Cashier.changeQuantity(1)
                                event.accepted = true
                            } else if (event.text === "-" && text.length === 0) {
                                Cashier.changeQuantity(-1)
                                event.accepted = true
                            }
                        }
                    }
                    KeyButton {
                        text: qsTr("Search")
                        keyLabel: "F2"
                        tint: Theme.muted
                        onClicked: search.open()
                    }
                }

                // Next to where the cashier looks; the cart gives up the room it takes.
                Banner {
                    objectName: "cashierBanner"
                    Layout.fillWidth: true
                    text: Cashier.message
                    isError: Cashier.messageIsError
                }

                // The printer's trouble stays up until it is fixed; sales go on meanwhile.
                Banner {
                    objectName: "printerBanner"
                    Layout.fillWidth: true
                    text: Cashier.printerProblem
                    isError: true
                }

                // A scanner or the customer display unplugged: up until it is back.
                Banner {
                    objectName: "devicesBanner"
                    Layout.fillWidth: true
                    text: Devices.problem
                    isError: true
                }

                // The cloud refuses this till (its ledger no longer matches what it sent): sales go
                // on and wait; a manager must act.
                Banner {
                    objectName: "syncBanner"
                    Layout.fillWidth: true
                    text: Sync.problem
                    isError: true
                }

                SearchPanel {
                    id: search
                    Layout.fillWidth: true
                    onFinished: root.backToScan()
                }

                MemberStrip {
                    Layout.fillWidth: true
                    onLookUp: memberEntry.open()
                }

                // Cart table.
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    color: Theme.panel
                    radius: Theme.radius
                    border.color: Theme.line

                    ColumnLayout {
                        anchors.fill: parent
                        anchors.margins: 1
                        spacing: 0
                        CartLineDelegate {
                            Layout.fillWidth: true
                            header: true
                            index: -1
                            name: ""
                            quantity: ""
                            unitPrice: ""
                            lineTotal: ""
                            isLast: false
                            discount: ""
                        }
                        ListView {
                            id: cartList
                            objectName: "cartList"
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            model: Cashier.lines
                            currentIndex: Cashier.selectedLine
                            onCountChanged: positionViewAtIndex(Cashier.selectedLine, ListView.Contain)
                            delegate: CartLineDelegate {
                                width: cartList.width
                                selected: index === Cashier.selectedLine
                                onClicked: Cashier.selectedLine = index
                            }
                            ScrollBar.vertical: ScrollBar {}
                        }
                    }
                    Text {
                        anchors.centerIn: parent
                        visible: cartList.count === 0 && !Cashier.showingPaid
                        text: qsTr("Scan the first product")
                        font.pixelSize: Theme.large
                        color: Theme.muted
                    }
                    // After payment: what to give back, until the next scan or Enter.
                    Rectangle {
                        objectName: "paidPanel"
                        anchors.fill: parent
                        visible: Cashier.showingPaid
                        radius: Theme.radius
                        color: "#e8f5ec"
                        Column {
                            anchors.centerIn: parent
                            spacing: 14
                            Text {
                                objectName: "cashierChange"
                                anchors.horizontalCenter: parent.horizontalCenter
                                text: qsTr("Change ¥%1").arg(Cashier.changeText)
                                font.pixelSize: Theme.huge
                                font.bold: true
                                color: Theme.ok
                            }
                            Text {
                                anchors.horizontalCenter: parent.horizontalCenter
                                text: qsTr("Enter or the next scan starts a new sale")
                                font.pixelSize: Theme.body
                                color: Theme.muted
                            }
                        }
                    }
                }
            }

            // Right: totals and actions; narrower on small screens so product names keep room.
            ColumnLayout {
                Layout.preferredWidth: Math.min(380, Math.round(root.width * 0.3))
                Layout.maximumWidth: Layout.preferredWidth
                Layout.fillHeight: true
                spacing: 12

                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: totals.implicitHeight + 32
                    color: Theme.panel
                    radius: Theme.radius
                    border.color: Theme.line
                    ColumnLayout {
                        id: totals
                        anchors.fill: parent
                        anchors.margins: 16
                        spacing: 6
                        Text {
                            visible: !Cashier.showingPaid
                            text: qsTr("%n item(s)", "", Cashier.articleCount)
                            font.pixelSize: Theme.body
                            color: Theme.muted
                        }
                        Text {
                            text: qsTr("incl. VAT ¥%1").arg(Cashier.taxText)
                            font.pixelSize: Theme.small
                            color: Theme.muted
                        }
                        // Promotions on the whole basket (满减, coupons) and what they all save.
                        Repeater {
                            model: Cashier.lines.basketDiscounts
                            delegate: Text {
                                required property string modelData
                                text: modelData
                                font.pixelSize: Theme.small
                                color: Theme.ok
                            }
                        }
                        Text {
                            objectName: "cashierSaved"
                            visible: Cashier.savedText.length > 0
                            text: qsTr("Saved ¥%1").arg(Cashier.savedText)
                            font.pixelSize: Theme.body
                            font.bold: true
                            color: Theme.ok
                        }
                        Text {
                            text: Cashier.showingPaid ? qsTr("Paid") : qsTr("Total")
                            font.pixelSize: Theme.body
                            color: Theme.ink
                        }
                        Text {
                            objectName: "cashierTotal"
                            Layout.fillWidth: true
                            text: "¥" + Cashier.totalText
                            font.pixelSize: Theme.huge
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: Theme.large
                            font.bold: true
                            color: Cashier.showingPaid ? Theme.ok : Theme.accent
                        }
                        // After payment, until the next sale; the change is beside it, large.
                        Text {
                            objectName: "cashierReceived"
                            visible: Cashier.showingPaid
                            text: qsTr("Cash received ¥%1").arg(Cashier.receivedText)
                            font.pixelSize: Theme.body
                            color: Theme.ink
                        }
                    }
                }

                KeyButton {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 84
                    text: qsTr("Cash payment")
                    keyLabel: "F12"
                    enabled: !Cashier.cartEmpty
                    onClicked: Cashier.openPayment()
                }
                GridLayout {
                    visible: !Devices.cameraOpen
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 10
                    rowSpacing: 10
                    KeyButton {
                        Layout.fillWidth: true
                        text: qsTr("Quantity +1")
                        keyLabel: "+"
                        tint: Theme.muted
                        enabled: Cashier.selectedLine >= 0
                        onClicked: Cashier.changeQuantity(1)
                    }
                    KeyButton {
                        Layout.fillWidth: true
                        text: qsTr("Quantity −1")
                        keyLabel: "−"
                        tint: Theme.muted
                        enabled: Cashier.selectedLine >= 0
                        onClicked: Cashier.changeQuantity(-1)
                    }
                    KeyButton {
                        Layout.fillWidth: true
                        text: qsTr("Remove line")
                        keyLabel: "Del"
                        tint: Theme.muted
                        enabled: Cashier.selectedLine >= 0
                        onClicked: Cashier.removeSelectedLine()
                    }
                    KeyButton {
                        Layout.fillWidth: true
                        text: qsTr("Cancel sale")
                        keyLabel: "Ctrl+Del"
                        tint: Theme.muted
                        enabled: !Cashier.cartEmpty
                        onClicked: Cashier.voidCart()
                    }
                    // Only between sales (the room goes to the totals meanwhile); F8 is listed.
                    KeyButton {
                        visible: Cashier.cartEmpty
                        Layout.fillWidth: true
                        Layout.columnSpan: 2
                        text: qsTr("No sale (open drawer)")
                        keyLabel: "F8"
                        tint: Theme.muted
                        enabled: Cashier.cartEmpty
                        onClicked: Cashier.noSale()
                    }
                }
                // While open, the camera takes the room of the buttons (their keys still work).
                CameraPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
                Item {
                    visible: !Devices.cameraOpen
                    Layout.fillHeight: true
                }
            }
        }

        KeyHints {
            Layout.fillWidth: true
        }
    }

    PaymentPanel {
        anchors.fill: parent
        onClosed: root.backToScan()
    }

    MemberEntry {
        id: memberEntry
        anchors.fill: parent
        onClosed: root.backToScan()
    }
}
