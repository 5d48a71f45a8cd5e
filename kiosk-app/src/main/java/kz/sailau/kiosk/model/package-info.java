/**
 * The kiosk's values: IIN, voter, precinct, election, finger positions. Records validated in their constructors,
 * no I/O; their {@code toString} reveals no personal data. Depends on nothing but the JDK.
 */
package kz.sailau.kiosk.model;
