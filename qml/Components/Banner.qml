import QtQuick
import SmartPOS

// A one-line message strip: red for errors, green for confirmations.
Rectangle {
    id: banner
    property string text: ""
    property bool isError: false
    visible: text.length > 0
    implicitHeight: visible ? label.implicitHeight + 20 : 0
    color: isError ? Theme.error : Theme.ok
    radius: Theme.radius
    Text {
        id: label
        objectName: "bannerText"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 10
        text: banner.text
        color: "white"
        font.pixelSize: Theme.body
        font.bold: true
        wrapMode: Text.Wrap
    }
}
