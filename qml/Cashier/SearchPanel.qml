pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SmartPOS
import SmartPOS.Backend

// Product search by name (中文 or English), SKU or barcode; ↑↓ pick, Enter adds.
ColumnLayout {
    id: panel
    signal finished()
    property bool active: false
    visible: active
    spacing: 6

    function open() {
        active = true
        field.forceActiveFocus()
    }
    function clear() {
        field.text = ""
        Cashier.search("")
        active = false
    }
    function pick() {
        if (Cashier.addSearchResult(results.currentIndex))
            panel.finished()
    }

    TextField {
        id: field
        objectName: "searchField"
        Layout.fillWidth: true
        Layout.preferredHeight: 52
        font.pixelSize: Theme.body
        placeholderText: qsTr("Search products by name, SKU or barcode")
        onTextEdited: {
            Cashier.search(text)
            results.currentIndex = 0
        }
        onAccepted: panel.pick()
        Keys.onUpPressed: results.decrementCurrentIndex()
        Keys.onDownPressed: results.incrementCurrentIndex()
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(results.contentHeight, 6 * 48) + 2
        visible: results.count > 0
        color: Theme.panel
        border.color: Theme.line
        radius: Theme.radius
        ListView {
            id: results
            objectName: "searchResults"
            anchors.fill: parent
            anchors.margins: 1
            clip: true
            model: Cashier.searchResults
            delegate: Rectangle {
                id: result
                required property int index
                required property string name
                required property string price
                required property string sku
                width: results.width
                height: Math.max(48, resultName.implicitHeight + 12)
                color: index === results.currentIndex ? Theme.selection : "transparent"
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 12
                    anchors.rightMargin: 12
                    // Two lines when needed: the end of a name tells 500ml from 1.5L.
                    Text {
                        id: resultName
                        Layout.fillWidth: true
                        text: result.name
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        font.pixelSize: Theme.body
                        color: Theme.ink
                    }
                    Text {
                        text: result.sku
                        font.pixelSize: Theme.small
                        color: Theme.muted
                    }
                    Text {
                        Layout.preferredWidth: 120
                        horizontalAlignment: Text.AlignRight
                        text: "¥" + result.price
                        font.pixelSize: Theme.body
                        color: Theme.ink
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        results.currentIndex = result.index
                        panel.pick()
                    }
                }
            }
        }
    }
}
