/**
 * Input by touch alone: an on-screen keyboard (Latin, Kazakh and Russian letters, digits and symbols) and a
 * numeric keypad, docked at the bottom of a screen ({@link kz.sailau.kiosk.ui.touch.KeyboardDock}) and shown
 * for the text field that has the focus. Keys are at least {@link kz.sailau.kiosk.ui.touch.TouchKeyboard#KEY}
 * pixels square and labelled with letters and symbols only, so this package needs no resource bundle and
 * depends on nothing else of the kiosk. Decision 0111 says why this is the project's own component rather than
 * JavaFX's internal virtual keyboard.
 */
package kz.sailau.kiosk.ui.touch;
