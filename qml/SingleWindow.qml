import QtQuick
import SmartPOS

// --single-window: cashier and customer side by side, for a laptop.
Window {
    width: 1920
    height: 800
    visible: true
    title: qsTr("SmartPOS")
    color: Theme.background
    Row {
        anchors.fill: parent
        CashierView {
            width: parent.width * 0.6
            height: parent.height
        }
        CustomerView {
            width: parent.width * 0.4
            height: parent.height
        }
    }
}
