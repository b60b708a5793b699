import QtQuick
import SmartPOS

Window {
    width: 1280
    height: 800
    visible: true
    title: qsTr("SmartPOS — Customer display")
    color: "black"
    CustomerView {
        anchors.fill: parent
    }
}
