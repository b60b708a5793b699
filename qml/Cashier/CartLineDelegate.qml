import QtQuick
import QtQuick.Layouts
import SmartPOS

// One row of the cart table, or its header.
Rectangle {
    id: row
    property bool header: false
    property bool selected: false
    signal clicked()
    // Roles of Cashier.lines; empty for the header.
    required property int index
    required property string name
    required property string quantity
    required property string unitPrice
    required property string lineTotal
    required property bool isLast
    required property string discount

    implicitHeight: header ? 40 : Math.max(52, nameColumn.implicitHeight + 14)
    color: header ? "#eceef2" : selected ? Theme.selection : isLast ? Theme.highlight : "transparent"

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 8
        Text {
            Layout.preferredWidth: 36
            text: row.header ? "#" : String(row.index + 1)
            color: Theme.muted
            font.pixelSize: row.header ? Theme.small : Theme.body
        }
        ColumnLayout {
            id: nameColumn
            Layout.fillWidth: true
            spacing: 2
            // Two lines when needed: the end of a name (500ml or 1.5L) tells products apart.
            Text {
                id: productName
                objectName: "productName"
                Layout.fillWidth: true
                text: row.header ? qsTr("Product") : row.name
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                color: Theme.ink
                font.pixelSize: row.header ? Theme.small : Theme.body
                font.bold: !row.header && row.isLast
            }
            // The promotion on this line, e.g. "第二件半价 −¥1.50".
            Text {
                objectName: "lineDiscount"
                Layout.fillWidth: true
                visible: row.discount.length > 0
                text: row.discount
                wrapMode: Text.Wrap
                color: Theme.ok
                font.pixelSize: Theme.small
            }
        }
        Text {
            Layout.preferredWidth: 90
            horizontalAlignment: Text.AlignRight
            text: row.header ? qsTr("Qty") : row.quantity
            color: Theme.ink
            font.pixelSize: row.header ? Theme.small : Theme.body
        }
        Text {
            Layout.preferredWidth: 110
            horizontalAlignment: Text.AlignRight
            text: row.header ? qsTr("Price") : row.unitPrice
            color: Theme.muted
            font.pixelSize: row.header ? Theme.small : Theme.body
        }
        Text {
            Layout.preferredWidth: 110
            horizontalAlignment: Text.AlignRight
            text: row.header ? qsTr("Amount") : row.lineTotal
            color: Theme.ink
            font.bold: !row.header
            font.pixelSize: row.header ? Theme.small : Theme.body
        }
    }
    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.line
    }
    MouseArea {
        anchors.fill: parent
        enabled: !row.header
        onClicked: row.clicked()
    }
}
