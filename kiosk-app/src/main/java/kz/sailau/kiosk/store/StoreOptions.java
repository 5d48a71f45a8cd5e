package kz.sailau.kiosk.store;

/**
 * Tunables of the kiosk database.
 *
 * @param maxPageCount SQLite {@code PRAGMA max_page_count}: the database may not grow beyond this many
 *                     pages (0 = SQLite's default, effectively unlimited); a write beyond it fails exactly as
 *                     on a full disk (SQLITE_FULL), which is how tests exercise disk-full handling
 * @param busyTimeoutMillis how long to wait for a lock held by another connection
 */
public record StoreOptions(long maxPageCount, int busyTimeoutMillis) {

    /** Defaults: no size cap, 5 s busy timeout. */
    public static final StoreOptions DEFAULT = new StoreOptions(0, 5000);

    /** @throws IllegalArgumentException on negative values */
    public StoreOptions {
        if (maxPageCount < 0 || busyTimeoutMillis < 0) {
            throw new IllegalArgumentException("store options must not be negative");
        }
    }
}
