package kz.sailau.kiosk.register;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;

/**
 * A redirection table with its key: what a kiosk needs to tell a voter of another precinct where to vote
 * (decision 0210). The key is secret (with it the table tells, for any IIN, where its voter is registered): it
 * travels in the package's encrypted records and is kept encrypted in the kiosk store. {@link #toString()} shows
 * counts only.
 *
 * @param key   the 256-bit key of the table's keyed hashes
 * @param table the table
 */
public record Redirection(byte[] key, RedirectTable table) {

    /** @throws IllegalArgumentException unless the key has 32 bytes */
    public Redirection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(table, "table");
        if (key.length != 32) {
            throw new IllegalArgumentException("a redirection key has 32 bytes");
        }
        key = key.clone();
    }

    /** A copy of the key. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The polling station where the voter of {@code iin} is registered, if the table has the IIN. */
    public Optional<PollingStation> pollingStationOf(Iin iin) {
        return table.find(hashFunction(), iin);
    }

    /** The keyed hash function of this table (one per lookup; cheap). */
    BlindIndex hashFunction() {
        return RedirectTable.hashFunction(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Redirection r && Arrays.equals(key, r.key)
                && Arrays.equals(table.bytes(), r.table.bytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "Redirection[" + table + "]";
    }
}
