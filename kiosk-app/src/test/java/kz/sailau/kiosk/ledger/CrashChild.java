package kz.sailau.kiosk.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;

/**
 * The process {@link CheckInCrashIT} kills: checks in voters 0..N-1 in order, each with its ballot token in the same
 * atomic step, printing {@code OK i} after each commit and {@code ALREADY i} for each voter the ledger refuses; for
 * every voter {@code i} with {@link #voids(int)} it then voids that token and issues a replacement (another atomic
 * step), printing {@code VOID i}; then {@code DONE}. Arguments: database file, number of voters.
 */
public final class CrashChild {

    /** Test key for the blind index, labelled as such; never a real key. */
    public static final byte[] TEST_INDEX_KEY = "TEST-ONLY blind index key 32 b!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private CrashChild() {
    }

    /** The migrations of the ledger's database. */
    public static List<Migration> migrations() {
        return SqliteCheckInLedger.ledgerOnly();
    }

    /** Voter {@code n}'s IIN: born 1970-01-01 + n days, first serial with a valid control digit. */
    public static Iin voter(int n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1970, 1, 1).plusDays(n);
        String yymmdd = String.format("%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth());
        for (int s = 0; ; s++) {
            String eleven = yymmdd + "3" + String.format("%04d", s);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new Iin(eleven + control);
            }
        }
    }

    /** The method voter {@code n} is checked in with. */
    public static CheckInMethod method(int n) {
        return switch (n % 10) {
            case 3 -> CheckInMethod.CLERK_OVERRIDE;
            case 6 -> CheckInMethod.FALLBACK;
            default -> CheckInMethod.FINGERPRINT;
        };
    }

    /** Voter {@code n}'s check-in. */
    public static CheckInRecord record(int n) {
        CheckInMethod m = method(n);
        return new CheckInRecord(voter(n), m,
                m == CheckInMethod.CLERK_OVERRIDE ? Optional.of(kz.sailau.kiosk.checkin.OverrideReason.DISABILITY)
                        : Optional.empty(),
                m == CheckInMethod.FINGERPRINT ? Optional.empty() : Optional.of(new kz.sailau.kiosk.checkin.ClerkId("c1")));
    }

    /** Voter {@code n}'s token (id derived from {@code n}, so a restarted child offers the same one). */
    public static PreparedToken token(int n) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("crash-test token " + n).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String id = java.util.HexFormat.of().formatHex(digest, 0, 16);
        return new PreparedToken(id, new IssuedBallotToken("CODE-" + n, "QR-" + n));
    }

    /** Whether voter {@code n}'s token is voided and replaced (by the replacement {@code token(n + 1_000_000)}). */
    static boolean voids(int n) {
        return n % 17 == 5;
    }

    /** Entry point of the child process. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int voters = Integer.parseInt(args[1]);
        List<CheckInRecord> records = new ArrayList<>();
        for (int n = 0; n < voters; n++) {
            records.add(record(n));
        }
        KioskDatabase db = KioskDatabase.open(file, migrations());
        SqliteCheckInLedger ledger = new SqliteCheckInLedger(db, new BlindIndex(TEST_INDEX_KEY, "iin"),
                Clock.systemUTC());
        System.out.println("READY");
        System.out.flush();
        for (int n = 0; n < voters; n++) {
            try {
                ledger.record(records.get(n), Optional.of(token(n)));
                System.out.println("OK " + n);
                if (voids(n)) {
                    ledger.replaceToken(token(n), Optional.of(token(n + 1_000_000)),
                            new kz.sailau.kiosk.checkin.ClerkId("c1"));
                    System.out.println("VOID " + n);
                }
            } catch (AlreadyCheckedInException e) {
                System.out.println("ALREADY " + n);
            }
            System.out.flush();
        }
        System.out.println("DONE");
        System.out.flush();
        db.close();
    }
}
