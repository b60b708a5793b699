pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// The member the sale is for, as the queue may see it: masked name, tier, points, what this sale
// earns and the points it uses, and the coupons presented with what each takes off.
Rectangle {
    id: card
    objectName: "memberCard"
    property int rowSize: 30
    color: "#fff8e6"
    radius: Theme.radius * 2
    border.color: "#e9c46a"

    implicitHeight: content.implicitHeight + 2 * content.anchors.margins

    ColumnLayout {
        id: content
        anchors.fill: parent
        anchors.margins: card.rowSize * 0.6
        spacing: card.rowSize * 0.35

        Text {
            objectName: "customerGreeting"
            Layout.fillWidth: true
            text: Customer.greeting
            font.pixelSize: card.rowSize * 1.3
            font.bold: true
            color: Theme.accent
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: 10
            Rectangle {
                width: tier.implicitWidth + card.rowSize
                height: tier.implicitHeight + 10
                radius: height / 2
                color: "#e9c46a"
                Text {
                    id: tier
                    objectName: "customerTier"
                    anchors.centerIn: parent
                    text: Customer.memberTier
                    font.pixelSize: card.rowSize * 0.8
                    font.bold: true
                    color: Theme.ink
                }
            }
            Rectangle {
                visible: Customer.memberBirthday
                width: birthday.implicitWidth + card.rowSize
                height: birthday.implicitHeight + 10
                radius: height / 2
                color: Theme.accent
                Text {
                    id: birthday
                    anchors.centerIn: parent
                    text: qsTr("Happy birthday!")
                    font.pixelSize: card.rowSize * 0.8
                    font.bold: true
                    color: "white"
                }
            }
        }
        Text {
            objectName: "customerPoints"
            Layout.fillWidth: true
            text: qsTr("Balance: %1").arg(Customer.memberPointsText)
            font.pixelSize: card.rowSize
            color: Theme.ink
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "customerEarn"
            Layout.fillWidth: true
            text: Customer.earnText
            font.pixelSize: card.rowSize
            font.bold: true
            color: Theme.ok
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "customerRedeem"
            Layout.fillWidth: true
            visible: text.length > 0
            text: Customer.redeemText
            font.pixelSize: card.rowSize
            font.bold: true
            color: Theme.accent
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            Layout.topMargin: card.rowSize * 0.3
            visible: Cashier.coupons.count > 0
            text: qsTr("Your coupons")
            font.pixelSize: card.rowSize * 0.8
            font.bold: true
            color: Theme.muted
        }
        Repeater {
            model: Cashier.coupons
            delegate: RowLayout {
                id: coupon
                required property string title
                required property string effect
                required property bool applies
                Layout.fillWidth: true
                spacing: 10
                Text {
                    objectName: "customerCouponTitle"
                    Layout.fillWidth: true
                    text: coupon.title
                    font.pixelSize: card.rowSize * 0.75
                    color: Theme.ink
                    wrapMode: Text.Wrap
                }
                Text {
                    objectName: "customerCouponEffect"
                    text: coupon.effect
                    font.pixelSize: card.rowSize * 0.75
                    font.bold: coupon.applies
                    color: coupon.applies ? Theme.ok : Theme.muted
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
