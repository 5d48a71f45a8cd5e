/**
 * Storage plumbing below every feature: the kiosk database (SQLite in WAL mode with full sync, versioned
 * migrations each feature owns, transactions) and the durable atomic replacement of files. Knows no feature, no
 * key and no screen; the only package that uses the SQLite driver.
 */
package kz.sailau.kiosk.store;
