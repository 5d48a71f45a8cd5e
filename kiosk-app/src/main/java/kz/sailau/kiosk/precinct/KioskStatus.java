package kz.sailau.kiosk.precinct;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a kiosk's clerk console shows now, as the kiosk publishes it to its precinct for the clerk station: whether
 * it is paused, in the manual fallback procedure, checking nobody in (cut off, or another register version), calling
 * a commission member, and the cases open for a clerk by kind. The ledger keeps only the latest status of each
 * kiosk (a new one replaces it), never a list in time order.
 *
 * <p>Nothing about a voter: a case is a fixed code naming its kind ({@code clerk.FINGER_NOT_RECOGNISED},
 * {@code refusal.ALREADY_CHECKED_IN}), never an IIN, a name, a blind index or a token id. The check-in counts are
 * not here: the ledger counts every node's check-ins already.
 *
 * @param paused         the clerk paused the kiosk
 * @param fallback       the kiosk is in the manual fallback procedure
 * @param checksNobodyIn the kiosk refuses check-ins (cut off from the majority, or the precinct refused its register)
 * @param callsClerk     the kiosk calls a commission member (the chime and banner are on)
 * @param openCases      the open cases, each {@code source.KIND} (lower-case source, upper-case kind), at most
 *                       {@value #MAX_CASES}, sorted
 */
public record KioskStatus(boolean paused, boolean fallback, boolean checksNobodyIn, boolean callsClerk,
                          SortedSet<String> openCases) {

    /** Most cases a status carries (a kiosk has one current case and one call at a time: room to spare). */
    public static final int MAX_CASES = 8;
    /** The form of a case code. */
    private static final Pattern CASE = Pattern.compile("[a-z]{1,16}\\.[A-Z][A-Z_]{0,47}");

    /** A kiosk with nothing open: working, not paused. */
    public static final KioskStatus QUIET = new KioskStatus(false, false, false, false, new TreeSet<>());

    /**
     * Copies and checks the cases.
     *
     * @throws IllegalArgumentException if a case is not a code of the form {@code source.KIND} or there are too many
     */
    public KioskStatus {
        Objects.requireNonNull(openCases, "openCases");
        if (openCases.size() > MAX_CASES) {
            throw new IllegalArgumentException("at most " + MAX_CASES + " open cases");
        }
        for (String code : openCases) {
            if (code == null || !CASE.matcher(code).matches()) {
                throw new IllegalArgumentException("a case must be a code such as clerk.FINGER_NOT_RECOGNISED");
            }
        }
        openCases = Collections.unmodifiableSortedSet(new TreeSet<>(openCases));
    }

    /** Whether the kiosk needs a commission member: a case open, a call, a pause or the fallback procedure. */
    public boolean needsAttention() {
        return callsClerk || checksNobodyIn || !openCases.isEmpty();
    }

    /** Writes the status (flags byte, number of cases, each case in sorted order). */
    void writeTo(DataOutput out) throws IOException {
        out.writeByte((paused ? 1 : 0) | (fallback ? 2 : 0) | (checksNobodyIn ? 4 : 0) | (callsClerk ? 8 : 0));
        out.writeByte(openCases.size());
        for (String code : openCases) {
            out.writeUTF(code);
        }
    }

    /**
     * Reads a status written by {@link #writeTo}.
     *
     * @throws IOException              if the bytes end early
     * @throws IllegalArgumentException if the flags or cases are not valid
     */
    static KioskStatus readFrom(DataInput in) throws IOException {
        int flags = in.readUnsignedByte();
        if ((flags & ~0x0f) != 0) {
            throw new IllegalArgumentException("unknown kiosk status flags");
        }
        int cases = in.readUnsignedByte();
        if (cases > MAX_CASES) {
            throw new IllegalArgumentException("at most " + MAX_CASES + " open cases");
        }
        SortedSet<String> open = new TreeSet<>();
        for (int i = 0; i < cases; i++) {
            open.add(in.readUTF());
        }
        return new KioskStatus((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0, open);
    }
}
