/**
 * The precinct register: the package an authority builds (CSV and prints to signed, encrypted records, with
 * duplicate search), its verification and loading, and the encrypted store of voters and templates looked up by a
 * blind index. Uses {@code biometric}, {@code crypto}, {@code store} and {@code model}.
 */
package kz.sailau.kiosk.register;
