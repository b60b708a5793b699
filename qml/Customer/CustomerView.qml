pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// The customer-facing screen. Large type; only what the cashier has confirmed.
Rectangle {
    id: root
    color: Theme.background
    clip: true

    readonly property int rowSize: Math.max(26, Math.round(height / 24))
    // The member card or the join panel: beside the cart, or below it on a portrait screen.
    readonly property bool portrait: height > width
    readonly property int sideWidth: Math.round(Math.min(width * 0.4, rowSize * 16))
    readonly property int sideRowSize: portrait ? Math.round(rowSize * 0.6) : rowSize

    // Idle: the attract loop.
    Item {
        id: attract
        objectName: "attract"
        anchors.fill: parent
        visible: Customer.state === Customer.Idle
        property int current: 0
        readonly property string image: Customer.attractImages.length > 0
                                        ? Customer.attractImages[current % Customer.attractImages.length] : ""
        readonly property var captions: [
            qsTr("Fresh fruit every morning"),
            qsTr("Hot coffee, made to order"),
            qsTr("Cold drinks, always chilled"),
            qsTr("Members earn points on every purchase")
        ]
        Image {
            anchors.fill: parent
            source: attract.image
            fillMode: Image.PreserveAspectCrop
            asynchronous: false // small local files; the first frame shows the picture
        }
        Timer {
            interval: 6000
            running: attract.visible && Customer.attractImages.length > 1
            repeat: true
            onTriggered: attract.current = (attract.current + 1) % Customer.attractImages.length
        }
        // A soft panel keeps the captions readable over any picture and any window width.
        Rectangle {
            anchors.fill: caption
            anchors.margins: -root.rowSize * 0.6
            radius: Theme.radius * 2
            color: "#d9ffffff"
        }
        Column {
            id: caption
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            anchors.leftMargin: parent.width * 0.06
            width: parent.width * 0.5
            spacing: 16
            Text {
                text: Customer.storeName
                font.pixelSize: root.rowSize * 2
                font.bold: true
                color: Theme.accent
                width: parent.width
                wrapMode: Text.Wrap
            }
            Text {
                text: qsTr("Welcome!")
                font.pixelSize: root.rowSize * 1.6
                font.bold: true
                color: Theme.ink
            }
            Text {
                text: attract.captions[attract.current % attract.captions.length]
                font.pixelSize: root.rowSize
                color: Theme.ink
                width: parent.width
                wrapMode: Text.Wrap
            }
        }
    }

    // Cart and payment: every line, the last one highlighted, the total; beside them the
    // member (or, without one, how to join).
    // Landscape: side by side; portrait: the member below the cart.
    GridLayout {
        anchors.fill: parent
        anchors.margins: root.rowSize
        columns: root.portrait ? 1 : 2
        rowSpacing: root.rowSize * 0.6
        columnSpacing: root.rowSize * 0.6
        visible: Customer.state === Customer.Cart || Customer.state === Customer.Member
                 || Customer.state === Customer.Payment

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: root.rowSize / 2

            Text {
                text: qsTr("Your items")
                font.pixelSize: root.rowSize
                font.bold: true
                color: Theme.muted
            }
            ListView {
                id: lines
                objectName: "customerLines"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: Cashier.lines
                onCountChanged: positionViewAtEnd()
                delegate: Rectangle {
                    id: line
                    required property string name
                    required property string quantity
                    required property string lineTotal
                    required property bool isLast
                    required property string discount
                    width: lines.width
                    height: Math.max(root.rowSize * 2.1, lineText.implicitHeight + root.rowSize * 0.6)
                    radius: Theme.radius
                    color: line.isLast ? Theme.highlight : "transparent"
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 12
                        anchors.rightMargin: 12
                        ColumnLayout {
                            id: lineText
                            Layout.fillWidth: true
                            spacing: 0
                            // Two lines when needed, so the size (500ml or 1.5L) stays in view.
                            Text {
                                id: lineName
                                objectName: "lineName"
                                Layout.fillWidth: true
                                text: line.name
                                wrapMode: Text.Wrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                font.pixelSize: root.rowSize
                                font.bold: line.isLast
                                color: Theme.ink
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: line.discount.length > 0
                                text: line.discount
                                wrapMode: Text.Wrap
                                font.pixelSize: root.rowSize * 0.8
                                color: Theme.ok
                            }
                        }
                        Text {
                            text: "× " + line.quantity
                            font.pixelSize: root.rowSize
                            color: Theme.muted
                        }
                        Text {
                            Layout.preferredWidth: root.rowSize * 6
                            horizontalAlignment: Text.AlignRight
                            text: "¥" + line.lineTotal
                            font.pixelSize: root.rowSize
                            font.bold: true
                            color: Theme.ink
                        }
                    }
                }
            }
            // Promotions on the whole basket, and what the customer saves.
            Repeater {
                model: Cashier.lines.basketDiscounts
                delegate: Text {
                    required property string modelData
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignRight
                    text: modelData
                    font.pixelSize: root.rowSize
                    color: Theme.ok
                }
            }
            Text {
                objectName: "customerSaved"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                visible: Cashier.savedText.length > 0
                text: qsTr("You save ¥%1").arg(Cashier.savedText)
                font.pixelSize: root.rowSize * 1.2
                font.bold: true
                color: Theme.ok
            }
            // The total, inside its card whatever the screen's size.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: totalRow.implicitHeight + root.rowSize
                radius: Theme.radius * 2
                color: Customer.state === Customer.Payment ? Theme.accent : Theme.panel
                border.color: Theme.line
                RowLayout {
                    id: totalRow
                    anchors.fill: parent
                    anchors.leftMargin: root.rowSize
                    anchors.rightMargin: root.rowSize
                    Text {
                        Layout.fillWidth: true
                        text: Customer.state === Customer.Payment
                              ? qsTr("Please pay")
                              : qsTr("%n item(s)", "", Customer.articleCount)
                        font.pixelSize: root.rowSize * 1.2
                        // A narrow screen: a smaller caption, never under the total.
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 14
                        color: Customer.state === Customer.Payment ? "white" : Theme.muted
                    }
                    Text {
                        objectName: "customerTotal"
                        text: "¥" + Customer.totalText
                        font.pixelSize: root.rowSize * 2.4
                        font.bold: true
                        color: Customer.state === Customer.Payment ? "white" : Theme.accent
                    }
                }
            }
        }

        MemberCard {
            visible: Customer.hasMember
            Layout.preferredWidth: root.portrait ? -1 : root.sideWidth
            Layout.fillWidth: root.portrait
            Layout.fillHeight: !root.portrait
            rowSize: root.sideRowSize
        }
        JoinPanel {
            visible: Customer.state === Customer.Cart
            Layout.preferredWidth: root.portrait ? -1 : root.sideWidth
            Layout.fillWidth: root.portrait
            Layout.fillHeight: !root.portrait
            rowSize: root.sideRowSize
        }
    }

    // Thank you: what was paid and the change.
    Column {
        anchors.centerIn: parent
        width: parent.width * 0.85
        spacing: root.rowSize
        visible: Customer.state === Customer.Thanks
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Thank you!")
            font.pixelSize: root.rowSize * 2.4
            font.bold: true
            color: Theme.accent
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Total ¥%1 · cash received ¥%2").arg(Customer.totalText).arg(Customer.receivedText)
            font.pixelSize: root.rowSize * 1.2
            color: Theme.ink
        }
        Text {
            objectName: "customerSavedPaid"
            anchors.horizontalCenter: parent.horizontalCenter
            visible: Cashier.savedText.length > 0
            text: qsTr("You saved ¥%1").arg(Cashier.savedText)
            font.pixelSize: root.rowSize * 1.2
            font.bold: true
            color: Theme.ok
        }
        Text {
            objectName: "customerChange"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Your change ¥%1").arg(Customer.changeText)
            font.pixelSize: root.rowSize * 2
            font.bold: true
            color: Theme.ok
        }
        // A member's points: what the sale earned and the balance now.
        Text {
            objectName: "customerEarned"
            anchors.horizontalCenter: parent.horizontalCenter
            visible: Customer.hasMember
            text: Customer.earnText
            font.pixelSize: root.rowSize * 1.2
            font.bold: true
            color: Theme.ok
        }
        Text {
            objectName: "customerBalance"
            anchors.horizontalCenter: parent.horizontalCenter
            visible: Customer.balanceText.length > 0
            text: Customer.redeemText.length > 0 ? Customer.redeemText + " · " + Customer.balanceText
                                                 : Customer.balanceText
            font.pixelSize: root.rowSize
            color: Theme.ink
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Please take your receipt. See you soon!")
            font.pixelSize: root.rowSize
            color: Theme.muted
        }
    }

    // What the till tells the customer about their code or number, for a few seconds.
    Rectangle {
        objectName: "customerNotice"
        visible: Customer.notice.length > 0
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.topMargin: root.rowSize * 0.5
        width: Math.min(parent.width - root.rowSize * 2, noticeText.implicitWidth + root.rowSize * 2)
        height: noticeText.implicitHeight + root.rowSize
        radius: Theme.radius * 2
        color: "#2b3140"
        Text {
            id: noticeText
            objectName: "customerNoticeText"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, root.width - root.rowSize * 4)
            horizontalAlignment: Text.AlignHCenter
            text: Customer.notice
            font.pixelSize: Math.min(root.rowSize, 36)
            font.bold: true
            color: "white"
            wrapMode: Text.Wrap
        }
    }
}
