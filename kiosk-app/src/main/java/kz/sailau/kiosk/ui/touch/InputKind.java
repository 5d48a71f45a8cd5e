package kz.sailau.kiosk.ui.touch;

/** What a field takes, and so which keys the on-screen keyboard offers for it. */
public enum InputKind {
    /** Any text (the administrator's passphrase, a port path): Latin, Kazakh, Russian, digits and symbols. */
    TEXT,
    /** A badge login: Latin letters and digits. */
    LOGIN,
    /** Digits only (PIN, IIN): the numeric keypad. */
    DIGITS
}
