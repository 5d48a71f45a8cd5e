package kz.sailau.kiosk.register;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * The authority's redirection table (decision 0210): for every IIN of the country, keyed by a hash, the polling
 * station where its voter is registered, so that a voter of another precinct is told where to go. The table holds
 * no IIN and no name: an entry is the first 8 bytes of HMAC-SHA256 of the IIN under a 256-bit key that travels only
 * inside the package's encrypted records (and in the kiosk store encrypted), and the index of a polling station.
 * Without the key the table shows only how many voters each precinct has.
 *
 * <pre>
 *   "SAILAURDT\n"                10 bytes magic
 *   u32                          number of polling stations S, 1..65535
 *   S x { u32 precinct,          strictly increasing
 *         u16 + UTF-8 kk, u16 + UTF-8 ru, u16 + UTF-8 en }   addresses ({@link PollingStation} rules)
 *   u32                          number of entries N
 *   N x { u64 keyed hash, u16 station index }               hashes strictly increasing (unsigned), index &lt; S
 *   (nothing after)
 * </pre>
 *
 * <p>A lookup is a binary search over the entries in place (no copy): about 24 probes at 12 million entries.
 * Immutable and thread-safe. {@link #toString()} shows counts only.
 */
public final class RedirectTable {

    static final byte[] MAGIC = "SAILAURDT\n".getBytes(StandardCharsets.US_ASCII);
    /** Bytes per entry: 8 of keyed hash, 2 of station index. */
    static final int ENTRY_BYTES = 10;
    /** The most polling stations a table can name (the station index is a u16). */
    public static final int MAX_STATIONS = 65_535;
    /** The domain of the keyed hash, so it never equals the store's blind index of the same IIN. */
    static final String HASH_DOMAIN = "redirect-iin";

    private final byte[] bytes;
    private final List<PollingStation> stations;
    private final int entriesOffset;
    private final int entryCount;

    private RedirectTable(byte[] bytes, List<PollingStation> stations, int entriesOffset, int entryCount) {
        this.bytes = bytes;
        this.stations = stations;
        this.entriesOffset = entriesOffset;
        this.entryCount = entryCount;
    }

    /**
     * Parses and checks table bytes (the array is kept, not copied: the caller must not change it).
     *
     * @throws RegisterException {@code register.error.redirectTable} for anything but a well-formed table
     */
    public static RedirectTable parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw malformed("it does not start with the table's magic");
            }
            long stationCount = Integer.toUnsignedLong(in.getInt());
            if (stationCount < 1 || stationCount > MAX_STATIONS) {
                throw malformed("it names " + stationCount + " polling stations (1.." + MAX_STATIONS + " allowed)");
            }
            List<PollingStation> stations = new ArrayList<>((int) stationCount);
            int previous = 0;
            for (int i = 0; i < stationCount; i++) {
                int number = in.getInt();
                if (number <= previous) {
                    throw malformed("polling station " + (i + 1) + " is out of order or repeated");
                }
                previous = number;
                try {
                    stations.add(new PollingStation(new PrecinctId(number), text(in), text(in), text(in)));
                } catch (IllegalArgumentException e) {
                    throw malformed("polling station " + (i + 1) + ": " + e.getMessage());
                }
            }
            long entryCount = Integer.toUnsignedLong(in.getInt());
            int entriesOffset = in.position();
            if (entryCount * ENTRY_BYTES != in.remaining()) {
                throw malformed("it announces " + entryCount + " entries but holds " + in.remaining() + " bytes of them");
            }
            long previousHash = 0;
            for (int i = 0; i < entryCount; i++) {
                long hash = in.getLong();
                int station = in.getShort() & 0xFFFF;
                if (i > 0 && Long.compareUnsigned(hash, previousHash) <= 0) {
                    throw malformed("entry " + (i + 1) + " is out of order or repeated");
                }
                if (station >= stationCount) {
                    throw malformed("entry " + (i + 1) + " names a polling station the table does not have");
                }
                previousHash = hash;
            }
            return new RedirectTable(bytes, List.copyOf(stations), entriesOffset, (int) entryCount);
        } catch (BufferUnderflowException e) {
            throw malformed("it ends early");
        }
    }

    private static String text(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        byte[] utf8 = new byte[length];
        in.get(utf8);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("an address is not UTF-8");
        }
    }

    private static RegisterException malformed(String why) {
        return new RegisterException("register.error.redirectTable", "redirection table refused: " + why, null);
    }

    /** The keyed hash of an IIN as the table holds it: the first 8 bytes of HMAC-SHA256, big-endian. */
    static long keyedHash(BlindIndex mac, Iin iin) {
        return ByteBuffer.wrap(mac.of(iin.digits())).getLong();
    }

    /** The keyed hash of an IIN's digits with a batch hasher (for building a table). */
    static long keyedHash(BlindIndex.Batch mac, String iinDigits) {
        return ByteBuffer.wrap(mac.of(iinDigits)).getLong();
    }

    /** The keyed hash function of a table key (32 bytes). */
    static BlindIndex hashFunction(byte[] key) {
        return new BlindIndex(key, HASH_DOMAIN);
    }

    /**
     * The polling station of an IIN's voter, if the table has the IIN.
     *
     * @param hash the keyed hash function of this table's key ({@link #hashFunction})
     */
    Optional<PollingStation> find(BlindIndex hash, Iin iin) {
        Objects.requireNonNull(iin, "iin");
        return find(keyedHash(hash, iin));
    }

    /** The polling station of a keyed hash, if the table has it. */
    Optional<PollingStation> find(long keyedHash) {
        int low = 0;
        int high = entryCount - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int at = entriesOffset + middle * ENTRY_BYTES;
            int order = Long.compareUnsigned(longAt(at), keyedHash);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return Optional.of(stations.get(((bytes[at + 8] & 0xFF) << 8) | (bytes[at + 9] & 0xFF)));
            }
        }
        return Optional.empty();
    }

    private long longAt(int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    /** The number of IINs in the table. */
    public int entryCount() {
        return entryCount;
    }

    /** The polling stations the table names, by precinct number. */
    public List<PollingStation> stations() {
        return stations;
    }

    /** The table's bytes (not a copy: do not change them). */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "RedirectTable[" + entryCount + " entries, " + stations.size() + " polling stations]";
    }

    /**
     * Writes a table: keyed hashes, each with the index of its polling station in {@code stations}.
     *
     * @param stations the polling stations, by increasing precinct number, at most {@value #MAX_STATIONS}
     * @param hashes   keyed hashes (see {@link #keyedHash}), any order; sorted here (the array is changed)
     * @param station  for each hash, the index of its station
     * @throws IllegalArgumentException when a hash occurs twice (an IIN given twice, or, about once in a million
     *                                  builds at 12 million IINs, two IINs that share the first 8 bytes of their
     *                                  hash: build again, which draws a new key), or an index is out of range
     */
    static byte[] write(List<PollingStation> stations, long[] hashes, short[] station) {
        if (stations.isEmpty() || stations.size() > MAX_STATIONS || hashes.length != station.length) {
            throw new IllegalArgumentException("need 1.." + MAX_STATIONS + " stations and one station per hash");
        }
        int n = hashes.length;
        List<byte[][]> addresses = new ArrayList<>(stations.size());
        long size = MAGIC.length + 4L + 4L + (long) n * ENTRY_BYTES;
        int previous = 0;
        for (PollingStation s : stations) {
            if (s.precinct().number() <= previous) {
                throw new IllegalArgumentException("polling stations must be in increasing precinct order");
            }
            previous = s.precinct().number();
            byte[][] utf8 = {s.addressKk().getBytes(StandardCharsets.UTF_8),
                    s.addressRu().getBytes(StandardCharsets.UTF_8), s.addressEn().getBytes(StandardCharsets.UTF_8)};
            addresses.add(utf8);
            size += 4 + 6 + utf8[0].length + utf8[1].length + utf8[2].length;
        }
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a redirection table must stay below 2 GiB");
        }
        // Sort by unsigned hash: with the sign bit flipped, signed order is unsigned order.
        for (int i = 0; i < n; i++) {
            hashes[i] ^= Long.MIN_VALUE;
        }
        int[] order = sortedIndex(hashes);
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(MAGIC);
        out.putInt(stations.size());
        for (int i = 0; i < stations.size(); i++) {
            out.putInt(stations.get(i).precinct().number());
            for (byte[] utf8 : addresses.get(i)) {
                out.putShort((short) utf8.length);
                out.put(utf8);
            }
        }
        out.putInt(n);
        for (int k = 0; k < n; k++) {
            if (k > 0 && hashes[k] == hashes[k - 1]) {
                throw new IllegalArgumentException("two entries have the same keyed hash (an IIN given twice?)");
            }
            int s = station[order[k]] & 0xFFFF;
            if (s >= stations.size()) {
                throw new IllegalArgumentException("a station index is out of range");
            }
            out.putLong(hashes[k] ^ Long.MIN_VALUE);
            out.putShort((short) s);
        }
        return out.array();
    }

    /**
     * Sorts {@code keys} ascending in place and returns where each came from. Sorting 12 million boxed values
     * would need gigabytes: the primitive keys are sorted with their indices moved alongside.
     */
    private static int[] sortedIndex(long[] keys) {
        int n = keys.length;
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        quickSort(keys, positions, 0, n - 1);
        return positions;
    }

    private static void quickSort(long[] keys, int[] values, int low, int high) {
        while (low < high) {
            long pivot = keys[(low + high) >>> 1];
            int i = low;
            int j = high;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long k = keys[i];
                    keys[i] = keys[j];
                    keys[j] = k;
                    int v = values[i];
                    values[i] = values[j];
                    values[j] = v;
                    i++;
                    j--;
                }
            }
            if (j - low < high - i) {
                quickSort(keys, values, low, j);
                low = i;
            } else {
                quickSort(keys, values, i, high);
                high = j;
            }
        }
    }
}
