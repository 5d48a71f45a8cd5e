package kz.sailau.kiosk.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import kz.sailau.kiosk.checkin.LedgerFullException;
import kz.sailau.kiosk.store.KioskDatabase;

/**
 * The room the kiosk's store must have before the ledger begins a write (decision 0455): a write that would not fit
 * is refused before it starts, with {@link LedgerFullException}, so that a precinct kiosk never lets the precinct
 * count a voter whose local record then cannot be written.
 *
 * <p>Two margins, each covering one check-in with its log entries many times over: {@link #PAGES} pages below the
 * database's size cap ({@code max_page_count} minus {@code page_count}, plus the pages on the free list), and
 * {@link #BYTES} bytes usable on the file system holding the database (for the pages the write adds and for the
 * rollback journal, which holds the original of every page the write changes: at most the check-in and token tables,
 * which are rewritten in key order: about 1 MiB for 10,000 voters, estimated from their row sizes).
 */
public final class LedgerRoom {

    /** Pages the database must still be able to grow by (256 KiB at 4 KiB pages; a check-in adds a few at most). */
    public static final long PAGES = 64;

    /** Bytes the file system must still have for the database and its journal (16 MiB). */
    public static final long BYTES = 16L * 1024 * 1024;

    private LedgerRoom() {
    }

    /**
     * @throws LedgerFullException when either margin is not there; nothing was changed
     */
    static void require(KioskDatabase database) {
        long pages = database.read(LedgerRoom::pagesLeft);
        if (pages < PAGES) {
            throw new LedgerFullException("the kiosk database may grow by " + pages + " more pages, fewer than the "
                    + PAGES + " a write needs in reserve; nothing was changed", null);
        }
        long bytes = usableBytes(database.file());
        if (bytes < BYTES) {
            throw new LedgerFullException("the disk of the kiosk database has " + bytes + " bytes usable, fewer than "
                    + "the " + BYTES + " a write needs in reserve; nothing was changed", null);
        }
    }

    private static long pagesLeft(Connection c) throws SQLException {
        return pragma(c, "max_page_count") - pragma(c, "page_count") + pragma(c, "freelist_count");
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long usableBytes(Path file) {
        try {
            return Files.getFileStore(file.toAbsolutePath()).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // the write itself will say what is wrong with the file system
        }
    }
}
