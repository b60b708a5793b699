pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// The member of the sale and their coupons, above the cart: who (in full: this screen faces the
// cashier), tier, points and what this sale earns, paying with points (F7), then every coupon
// presented with what it takes off or why not yet, and the coupons given with the sale.
Rectangle {
    id: strip
    objectName: "memberStrip"
    signal lookUp()
    implicitHeight: content.implicitHeight + 16
    color: Cashier.hasMember ? "#fff8e6" : Theme.panel
    radius: Theme.radius
    border.color: Cashier.hasMember ? "#e9c46a" : Theme.line

    component KeyChip: Rectangle {
        id: chip
        property string key: ""
        property string label: ""
        property color tint: Theme.muted
        signal clicked()
        implicitWidth: chipRow.implicitWidth + 14
        implicitHeight: Math.max(32, chipRow.implicitHeight + 8)
        radius: 4
        color: chipArea.pressed ? Qt.darker(tint, 1.2) : tint
        RowLayout {
            id: chipRow
            anchors.centerIn: parent
            spacing: 6
            Text {
                text: chip.key
                color: "#ccffffff"
                font.pixelSize: Theme.small - 2
                font.bold: true
            }
            Text {
                text: chip.label
                color: "white"
                font.pixelSize: Theme.small
                font.bold: true
            }
        }
        MouseArea {
            id: chipArea
            anchors.fill: parent
            onClicked: chip.clicked()
        }
    }

    ColumnLayout {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 8
        spacing: 6

        // No member yet: how to find one.
        RowLayout {
            visible: !Cashier.hasMember
            Layout.fillWidth: true
            spacing: 10
            Text {
                objectName: "noMemberText"
                Layout.fillWidth: true
                text: qsTr("No member — F6 to look up by phone, or scan their member code")
                font.pixelSize: Theme.small
                color: Theme.muted
                wrapMode: Text.Wrap
            }
            KeyChip {
                key: "F6"
                label: qsTr("Member")
                tint: Theme.accent
                onClicked: strip.lookUp()
            }
        }

        // The member: name, phone, tier, birthday; points.
        Flow {
            visible: Cashier.hasMember
            Layout.fillWidth: true
            spacing: 12
            Text {
                objectName: "memberName"
                text: Cashier.memberName
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.ink
            }
            Text {
                objectName: "memberPhone"
                text: Cashier.memberPhone
                font.pixelSize: Theme.body
                color: Theme.ink
            }
            Rectangle {
                width: tierText.implicitWidth + 16
                height: tierText.implicitHeight + 6
                radius: height / 2
                color: "#e9c46a"
                Text {
                    id: tierText
                    objectName: "memberTier"
                    anchors.centerIn: parent
                    text: Cashier.memberTier
                    font.pixelSize: Theme.small
                    font.bold: true
                    color: Theme.ink
                }
            }
            Rectangle {
                visible: Cashier.memberBirthday
                width: birthdayText.implicitWidth + 16
                height: birthdayText.implicitHeight + 6
                radius: height / 2
                color: Theme.accent
                Text {
                    id: birthdayText
                    objectName: "memberBirthday"
                    anchors.centerIn: parent
                    text: qsTr("Birthday today")
                    font.pixelSize: Theme.small
                    font.bold: true
                    color: "white"
                }
            }
            Text {
                objectName: "memberPoints"
                text: Cashier.memberPointsText
                font.pixelSize: Theme.body
                color: Theme.ink
            }
            Text {
                objectName: "memberEarn"
                text: Cashier.pointsToEarnText
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.ok
            }
        }
        // What can be done now, with its key.
        Flow {
            visible: !Cashier.showingPaid
                     && (Cashier.hasMember || Cashier.presentedCoupons > 0 || Cashier.canGiveCoupon)
            Layout.fillWidth: true
            spacing: 10
            KeyChip {
                objectName: "redeemChip"
                visible: Cashier.canRedeemPoints
                key: "F7"
                label: Cashier.redeemText
                tint: Cashier.redeemingPoints ? Theme.ok : Theme.muted
                onClicked: Cashier.toggleRedeemPoints()
            }
            KeyChip {
                visible: Cashier.presentedCoupons > 0
                key: "F11"
                label: qsTr("Remove last coupon")
                onClicked: Cashier.removeLastCoupon()
            }
            KeyChip {
                visible: Cashier.canGiveCoupon
                key: "Ctrl+G"
                label: qsTr("Give coupon")
                onClicked: Cashier.giveCoupon()
            }
            KeyChip {
                visible: Cashier.hasMember
                key: "Shift+F6"
                label: qsTr("Remove member")
                onClicked: Cashier.removeMember()
            }
        }

        // Coupons: presented (what each takes off now, or why not yet), then given.
        Repeater {
            model: Cashier.coupons
            delegate: RowLayout {
                id: coupon
                required property int index
                required property string title
                required property string effect
                required property bool applies
                required property bool given
                Layout.fillWidth: true
                spacing: 10
                Text {
                    objectName: "couponTitle"
                    Layout.fillWidth: true
                    text: coupon.title
                    font.pixelSize: Theme.small
                    color: Theme.ink
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "couponEffect"
                    text: coupon.effect
                    font.pixelSize: Theme.small
                    font.bold: coupon.applies
                    color: coupon.applies ? Theme.ok : Theme.muted
                }
                // Clicking takes this one off; F11 takes off the last one.
                Rectangle {
                    visible: !coupon.given
                    Layout.preferredWidth: 32
                    Layout.preferredHeight: 28
                    radius: 4
                    color: removeArea.pressed ? Theme.line : "#eceef2"
                    Text {
                        anchors.centerIn: parent
                        text: "×"
                        font.pixelSize: Theme.body
                        color: Theme.muted
                    }
                    MouseArea {
                        id: removeArea
                        anchors.fill: parent
                        onClicked: Cashier.removeCoupon(coupon.index)
                    }
                }
            }
        }
    }
}
