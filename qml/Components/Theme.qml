pragma Singleton
import QtQuick

// Colours and type sizes of both screens, in one place.
QtObject {
    readonly property color background: "#f4f5f7"
    readonly property color panel: "#ffffff"
    readonly property color ink: "#1d2330"
    readonly property color muted: "#5d6675"
    readonly property color accent: "#d7261e"       // store red
    readonly property color accentDark: "#a81b15"
    readonly property color ok: "#1f8a4c"
    readonly property color error: "#c62828"
    readonly property color warning: "#d97706"     // waiting, not broken (offline)
    readonly property color okTint: "#e6f4ea"
    readonly property color warningTint: "#fdf0e0"
    readonly property color highlight: "#fff3c4"
    readonly property color selection: "#dbe8ff"
    readonly property color line: "#e2e5ea"

    readonly property int small: 16
    readonly property int body: 22
    readonly property int large: 30
    readonly property int huge: 56
    readonly property int radius: 8
}
