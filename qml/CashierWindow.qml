import QtQuick
import SmartPOS

Window {
    width: 1280
    height: 800
    visible: true
    title: qsTr("SmartPOS — Cashier")
    color: Theme.background
    CashierView {
        anchors.fill: parent
    }
}
