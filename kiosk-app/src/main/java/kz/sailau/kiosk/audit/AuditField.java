package kz.sailau.kiosk.audit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.NodeName;

/**
 * One field of an audit event. Values can only be made by the factory methods, each of which admits a
 * kind of value that cannot be personal data: a catalogue code (an enum constant), a count, a
 * hexadecimal digest, a version string, the election's day, or a base64 signature.
 *
 * @param name  the field name, lower camel case
 * @param value the value in its canonical text form
 */
public record AuditField(String name, String value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z]{0,31}");
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,4}){0,3}(-[A-Z]{1,12})?");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]{16,1024}");
    private static final Pattern REFERENCE = Pattern.compile("[OFSP]-[0-9]{4,6}");
    private static final Pattern LOGIN = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9]{1,16}");
    /** Every value any factory can make: no spaces, no letters outside ASCII, no separators of the log. */
    private static final Pattern ANY_VALUE = Pattern.compile("[A-Za-z0-9+/=._-]{1,1024}");

    /** Checks the name; values are checked by the factories. */
    public AuditField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("audit field name must be lower camel case: " + name);
        }
        // Also guards the public constructor: free text with spaces, Cyrillic or separators never fits.
        if (!ANY_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("audit field " + name + " holds a value no factory makes");
        }
    }

    /**
     * A commission member's kiosk login (1-16 ASCII letters and digits, at least one letter, so that it cannot
     * be an IIN). Clerk actions are recorded with the clerk for accountability.
     */
    public static AuditField login(String name, String login) {
        if (!LOGIN.matcher(Objects.requireNonNull(login, "login")).matches()) {
            throw new IllegalArgumentException("login must be 1-16 ASCII letters and digits with a letter");
        }
        return new AuditField(name, login);
    }

    /** The name of a machine on the precinct network (e.g. {@code kiosk-4}): names a machine, never a person. */
    public static AuditField machine(String name, NodeName machine) {
        return new AuditField(name, Objects.requireNonNull(machine, "machine").value());
    }

    /** An election's identifier, in its own form (capital letters, digits and hyphens: never personal data). */
    public static AuditField election(String name, ElectionId election) {
        return new AuditField(name, Objects.requireNonNull(election, "election").value());
    }

    /** A code from a catalogue: the enum constant's name. */
    public static AuditField code(String name, Enum<?> code) {
        return new AuditField(name, Objects.requireNonNull(code, "code").name());
    }

    /** A non-negative count. */
    public static AuditField count(String name, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return new AuditField(name, Long.toString(count));
    }

    /** A SHA-256 digest in lower-case hex (package hash, jar hash). */
    public static AuditField digest(String name, String hex) {
        if (!HEX_DIGEST.matcher(Objects.requireNonNull(hex, "hex")).matches()) {
            throw new IllegalArgumentException("digest must be 64 lower-case hex digits");
        }
        return new AuditField(name, hex);
    }

    /** A software or register version such as {@code 0.1.0-SNAPSHOT} or {@code 3}. */
    public static AuditField version(String name, String version) {
        if (!VERSION.matcher(Objects.requireNonNull(version, "version")).matches()) {
            throw new IllegalArgumentException("version must be dotted numbers with an optional -QUALIFIER");
        }
        return new AuditField(name, version);
    }

    /**
     * A paper form reference such as {@code O-0003} ({@link kz.sailau.kiosk.checkin.PaperFormReference}): a kind
     * letter and a running number of forms, nothing about the voter.
     */
    public static AuditField reference(String name, String reference) {
        if (!REFERENCE.matcher(Objects.requireNonNull(reference, "reference")).matches()) {
            throw new IllegalArgumentException("reference must be a kind letter, a hyphen and 4-6 digits");
        }
        return new AuditField(name, reference);
    }

    /**
     * The day of the election the kiosk judges ages and card expiry on ({@code yyyy-MM-dd}, decision 0490): the
     * election's date from the configuration, recorded at each start; never a person's date (no factory takes one).
     */
    public static AuditField electionDay(String name, LocalDate day) {
        return new AuditField(name, Objects.requireNonNull(day, "day").toString());
    }

    /** A signature in base64. */
    public static AuditField signature(String name, String base64) {
        if (!BASE64.matcher(Objects.requireNonNull(base64, "base64")).matches()) {
            throw new IllegalArgumentException("signature must be base64");
        }
        return new AuditField(name, base64);
    }
}
