package kz.sailau.kiosk.clerk;

import java.util.Arrays;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditField;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.ClerkPinHash;
import kz.sailau.kiosk.crypto.FieldCipher;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.StoreKeys;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;

/**
 * The clerk roster in the kiosk database:
 * <pre>
 * clerk (login TEXT COLLATE NOCASE PRIMARY KEY, state TEXT, failed_attempts INTEGER, pin_hash BLOB NULL) WITHOUT ROWID
 * </pre>
 * {@code login} is a commission badge code ({@code C01}): 2 to 16 ASCII letters and digits with at least one
 * letter, so that it can never be an IIN, and by procedure never a name. Logins are case-insensitive.
 * {@code pin_hash} is the {@link ClerkPinHash} (Argon2id with a per-clerk salt and its parameters) encrypted
 * with the store's {@link FieldCipher} bound to the login, so that a copied database file alone does not allow
 * guessing the six-digit PIN offline, and a hash cannot be moved to another clerk's row. It is null once the
 * clerk is removed.
 *
 * <p>Lockout: {@link #MAX_FAILED_ATTEMPTS} wrong PINs in a row lock the clerk until the administrator resets
 * the PIN ({@link #resetPin}); a right PIN sets the count back to zero. A locked clerk is refused even with
 * the right PIN, and the answer takes as long as any other check (a wrong login runs Argon2id against a dummy
 * hash), so the kiosk tells an attacker nothing about which logins exist.
 *
 * <p>Every change commits together with its audit entry ({@code CLERK_ADDED}, {@code CLERK_REMOVED},
 * {@code CLERK_PIN_RESET}, {@code CLERK_LOCKED_OUT}; the only field is the login). Thread-safe.
 */
public final class ClerkRoster {

    /** The roster's migration, appended after every earlier one. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration("clerk-1",
            "clerk roster: badge login, state, failed PIN count, encrypted Argon2id PIN hash", List.of(
            "CREATE TABLE clerk (login TEXT NOT NULL COLLATE NOCASE PRIMARY KEY "
                    + "CHECK (length(login) BETWEEN 2 AND 16), "
                    + "state TEXT NOT NULL CHECK (state IN ('ACTIVE', 'LOCKED', 'REMOVED')), "
                    + "failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0), "
                    + "pin_hash BLOB, "
                    + "CHECK ((state = 'REMOVED') = (pin_hash IS NULL))) WITHOUT ROWID")));

    /** Wrong PINs in a row that lock a clerk. */
    public static final int MAX_FAILED_ATTEMPTS = 5;

    /** 2-16 ASCII letters and digits, at least one letter, no run of 12 digits (an IIN never fits in a login). */
    private static final Pattern LOGIN = Pattern.compile("(?=.*[A-Za-z])(?!.*[0-9]{12})[A-Za-z0-9]{2,16}");

    private final KioskDatabase database;
    private final FieldCipher cipher;
    private final SecureRandom random;
    private final Argon2idParameters parameters;
    private final AuditRecorder audit;
    private final Clock clock;
    private final StoreKeys keys;
    private volatile ClerkPinHash dummy;

    /**
     * @param database   the kiosk database with {@link #MIGRATIONS} applied
     * @param keys       the store keys (the PIN hashes are encrypted with their field cipher)
     * @param random     salts and nonces
     * @param parameters Argon2id cost for new PINs ({@link ClerkPinHash#DEFAULT_PARAMETERS} in production)
     * @param audit      appends the roster's audit events (signing the head with the kiosk key)
     * @param clock      time of audit events
     */
    public ClerkRoster(KioskDatabase database, StoreKeys keys, SecureRandom random, Argon2idParameters parameters,
                       AuditRecorder audit, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.random = Objects.requireNonNull(random, "random");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cipher = keys.fieldCipher(random);
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The roster of an unlocked kiosk as production uses it: PINs hashed with
     * {@link ClerkPinHash#DEFAULT_PARAMETERS}, roster events signed into the audit chain with the kiosk key.
     */
    public static ClerkRoster of(KioskDatabase database, KioskCredentials credentials, SecureRandom random,
                                 Clock clock) {
        return new ClerkRoster(database, credentials.storeKeys(), random, ClerkPinHash.DEFAULT_PARAMETERS,
                AuditRecorder.signing(ChainHeadSigner.kiosk(credentials)), clock);
    }

    /**
     * Every clerk ever added, by login (no PIN material); needs no keys.
     *
     * @param connection a connection inside a transaction of the kiosk database
     */
    public static List<ClerkEntry> list(Connection connection) throws SQLException {
        List<ClerkEntry> entries = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT login, state, failed_attempts FROM clerk ORDER BY login");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                entries.add(new ClerkEntry(new ClerkId(r.getString(1)), ClerkState.valueOf(r.getString(2)),
                        r.getInt(3)));
            }
        }
        return entries;
    }

    /**
     * Checks that {@code login} may be a roster login (2-16 ASCII letters and digits, at least one letter).
     *
     * @return the login as a clerk id
     * @throws ClerkException {@code clerk.error.badLogin}
     */
    public static ClerkId login(String login) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new ClerkException("clerk.error.badLogin",
                    "a clerk login is a badge code of 2-16 letters and digits with at least one letter");
        }
        return new ClerkId(login);
    }

    /**
     * Number of clerks who can log in now ({@code ACTIVE}); needs no keys, so the start checks can ask.
     *
     * @param connection a connection inside a transaction of the kiosk database
     */
    public static int activeClerks(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM clerk WHERE state = 'ACTIVE'");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** {@link #activeClerks(Connection)} in its own read transaction. */
    public int activeClerks() {
        return database.read(ClerkRoster::activeClerks);
    }

    /**
     * Adds a clerk. The PIN is checked against {@link PinPolicy}, hashed and encrypted; the caller clears it.
     *
     * @throws ClerkException {@code clerk.error.badLogin}, a {@link PinPolicy} key, {@code clerk.error.loginIsName}
     *                        when the login is a name (or a part of one) of a voter in the loaded register,
     *                        {@code clerk.error.duplicate}
     *                        for an existing login, {@code clerk.error.removed} for the login of a removed clerk
     *                        (never reused, so that the audit log names one person per login)
     */
    public ClerkEntry add(ClerkId clerk, char[] pin) {
        ClerkId login = login(Objects.requireNonNull(clerk, "clerk").value());
        PinPolicy.check(pin);
        if (new RegisterStore(database, keys, random).holdsName(login.value())) {
            throw new ClerkException("clerk.error.loginIsName", "a clerk login must not be a name from the register "
                    + "(the audit log names the login): choose a badge code such as C01");
        }
        byte[] hash = ClerkPinHash.create(pin, parameters, random).encode();
        return database.inTransaction(c -> {
            Optional<Row> existing = row(c, login);
            if (existing.isPresent()) {
                throw existing.get().state() == ClerkState.REMOVED
                        ? new ClerkException("clerk.error.removed", "clerk " + existing.get().login().value()
                                + " was removed; its login is not given out again")
                        : new ClerkException("clerk.error.duplicate", "clerk " + existing.get().login().value()
                                + " is already in the roster");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO clerk (login, state, failed_attempts, pin_hash) VALUES (?, 'ACTIVE', 0, ?)")) {
                s.setString(1, login.value());
                s.setBytes(2, cipher.encrypt(hash, context(login)));
                s.executeUpdate();
            }
            record(c, AuditEventType.CLERK_ADDED, login);
            return new ClerkEntry(login, ClerkState.ACTIVE, 0);
        });
    }

    /**
     * Sets a new PIN for an active or locked clerk, unlocks it and clears its failed count.
     *
     * @throws ClerkException {@code clerk.error.unknown}, {@code clerk.error.removed} or a {@link PinPolicy} key
     */
    public ClerkEntry resetPin(ClerkId clerk, char[] pin) {
        Objects.requireNonNull(clerk, "clerk");
        PinPolicy.check(pin);
        byte[] hash = ClerkPinHash.create(pin, parameters, random).encode();
        return database.inTransaction(c -> {
            Row row = present(c, clerk);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE clerk SET state = 'ACTIVE', failed_attempts = 0, pin_hash = ? WHERE login = ?")) {
                s.setBytes(1, cipher.encrypt(hash, context(row.login())));
                s.setString(2, row.login().value());
                s.executeUpdate();
            }
            record(c, AuditEventType.CLERK_PIN_RESET, row.login());
            return new ClerkEntry(row.login(), ClerkState.ACTIVE, 0);
        });
    }

    /**
     * Removes a clerk: the PIN hash is deleted, the login stays as {@code REMOVED} and is never reused.
     *
     * @throws ClerkException {@code clerk.error.unknown} or {@code clerk.error.removed}
     */
    public ClerkEntry remove(ClerkId clerk) {
        Objects.requireNonNull(clerk, "clerk");
        return database.inTransaction(c -> {
            Row row = present(c, clerk);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE clerk SET state = 'REMOVED', failed_attempts = 0, pin_hash = NULL WHERE login = ?")) {
                s.setString(1, row.login().value());
                s.executeUpdate();
            }
            record(c, AuditEventType.CLERK_REMOVED, row.login());
            return new ClerkEntry(row.login(), ClerkState.REMOVED, 0);
        });
    }

    /** Every clerk ever added (removed ones too), by login; no PIN material. */
    public List<ClerkEntry> list() {
        return database.read(ClerkRoster::list);
    }

    /**
     * Checks a clerk's PIN: a right PIN of an active clerk is {@link PinCheck#ACCEPTED} (and clears the failed
     * count); a wrong one counts, and the {@link #MAX_FAILED_ATTEMPTS}th in a row locks the clerk
     * ({@code CLERK_LOCKED_OUT} in the audit log). Every outcome runs one Argon2id derivation. The caller clears
     * {@code pin}. A PIN hash that fails to decrypt (another kiosk's store, a damaged row) is never accepted.
     */
    public synchronized PinCheck check(ClerkId clerk, char[] pin) {
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(pin, "pin");
        Optional<Row> found = database.read(c -> row(c, clerk));
        ClerkPinHash stored = null;
        if (found.isPresent() && found.get().pinHash() != null) {
            try {
                stored = ClerkPinHash.decode(cipher.decrypt(found.get().pinHash(), context(found.get().login())));
            } catch (RuntimeException damaged) {
                stored = null;
            }
        }
        boolean matches = (stored != null ? stored : dummy()).matches(pin) && stored != null;
        if (found.isEmpty() || found.get().state() == ClerkState.REMOVED) {
            return PinCheck.UNKNOWN;
        }
        Row row = found.get();
        if (row.state() == ClerkState.LOCKED) {
            return PinCheck.LOCKED;
        }
        if (matches) {
            if (row.failedAttempts() > 0) {
                database.inTransaction(c -> update(c, "UPDATE clerk SET failed_attempts = 0 WHERE login = ? "
                        + "AND state = 'ACTIVE'", row.login()));
            }
            return PinCheck.ACCEPTED;
        }
        return database.inTransaction(c -> {
            update(c, "UPDATE clerk SET failed_attempts = failed_attempts + 1, state = CASE WHEN failed_attempts + 1 >= "
                    + MAX_FAILED_ATTEMPTS + " THEN 'LOCKED' ELSE state END WHERE login = ? AND state = 'ACTIVE'",
                    row.login());
            Optional<Row> after = row(c, row.login());
            if (after.isPresent() && after.get().state() == ClerkState.LOCKED) {
                record(c, AuditEventType.CLERK_LOCKED_OUT, row.login());
                return PinCheck.LOCKED_NOW;
            }
            return PinCheck.REJECTED;
        });
    }

    private ClerkPinHash dummy() {
        ClerkPinHash hash = dummy;
        if (hash == null) {
            char[] unguessable = new char[PinPolicy.MAX_DIGITS];
            for (int i = 0; i < unguessable.length; i++) {
                unguessable[i] = (char) ('0' + random.nextInt(10));
            }
            hash = ClerkPinHash.create(unguessable, parameters, random);
            Arrays.fill(unguessable, '\0');
            dummy = hash;
        }
        return hash;
    }

    private static Object update(Connection c, String sql, ClerkId login) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, login.value());
            s.executeUpdate();
        }
        return null;
    }

    private void record(Connection c, AuditEventType type, ClerkId login) throws SQLException {
        audit.append(c, clock.instant(), AuditEvent.of(type, AuditField.login("clerk", login.value())));
    }

    private static Row present(Connection c, ClerkId clerk) throws SQLException {
        Row row = row(c, clerk).orElseThrow(() -> new ClerkException("clerk.error.unknown",
                "no clerk with this login in the roster"));
        if (row.state() == ClerkState.REMOVED) {
            throw new ClerkException("clerk.error.removed", "clerk " + row.login().value() + " was removed");
        }
        return row;
    }

    private static Optional<Row> row(Connection c, ClerkId clerk) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT login, state, failed_attempts, pin_hash FROM clerk WHERE login = ?")) {
            s.setString(1, clerk.value());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(new ClerkId(r.getString(1)), ClerkState.valueOf(r.getString(2)),
                        r.getInt(3), r.getBytes(4)));
            }
        }
    }

    /** Binds an encrypted PIN hash to its row. */
    private static byte[] context(ClerkId login) {
        return ("clerk.pin_hash|" + login.value().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII);
    }

    private record Row(ClerkId login, ClerkState state, int failedAttempts, byte[] pinHash) {
    }

    @Override
    public String toString() {
        return "ClerkRoster[" + database + "]";
    }
}
