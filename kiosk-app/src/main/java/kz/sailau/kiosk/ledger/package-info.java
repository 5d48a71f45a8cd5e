/**
 * The durable check-in ledger (the marked register): the SQLite adapter of the check-in engine's
 * {@code CheckInLedger} port. A check-in, its counters and its audit entry commit in one transaction of
 * the kiosk database. It sits above {@code store} (plumbing) and beside the features whose tables it joins.
 */
package kz.sailau.kiosk.ledger;
