package kz.sailau.kiosk.audit;

import java.util.Objects;
import java.util.regex.Pattern;
import kz.sailau.kiosk.crypto.Digests;

/**
 * What a signed end-of-day bundle says about its marked-register backup ({@code BUNDLE.marked-register.p7m},
 * {@link MarkedRegisterBackup}): the SHA-256 of the exact envelope bytes the kiosk wrote beside it, or that no backup
 * was written (no register was loaded, or the day was closed again after the wipe), or nothing at all (a bundle of an
 * older kiosk, written before the backup was bound: {@link State#NOT_BOUND}). Because the hash is inside the signed
 * bundle, a backup written by anyone else with the (public) authority certificate no longer passes for the kiosk's
 * (decision 0295).
 *
 * @param state  which of the three
 * @param sha256 the envelope's SHA-256 (64 lower-case hex digits) when {@link State#BOUND}, otherwise null
 */
public record MarkedRegisterBinding(State state, String sha256) {

    /** The JSON key of the binding in the bundle. */
    public static final String JSON_KEY = "markedRegisterBackup";
    /** A bundle that does not name its backup (written by an older kiosk). */
    public static final MarkedRegisterBinding NOT_BOUND = new MarkedRegisterBinding(State.NOT_BOUND, null);
    /** A bundle that states that no backup was written with it. */
    public static final MarkedRegisterBinding NONE_WRITTEN = new MarkedRegisterBinding(State.NONE_WRITTEN, null);

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The three things a bundle can say. */
    public enum State {
        /** The bundle has no {@value #JSON_KEY} (an older kiosk): the backup is bound to nothing signed. */
        NOT_BOUND,
        /** The bundle says no backup was written with it. */
        NONE_WRITTEN,
        /** The bundle names the SHA-256 of its backup envelope. */
        BOUND
    }

    /**
     * @throws NullPointerException     on a null state
     * @throws IllegalArgumentException when a bound binding has no well-formed hash, or another one has a hash
     */
    public MarkedRegisterBinding {
        Objects.requireNonNull(state, "state");
        if (state == State.BOUND ? sha256 == null || !SHA256.matcher(sha256).matches() : sha256 != null) {
            throw new IllegalArgumentException("a bound marked-register backup names 64 lower-case hex digits, "
                    + "and only a bound one names any");
        }
    }

    /** The binding of the envelope {@code envelope}: the SHA-256 of exactly these bytes. */
    public static MarkedRegisterBinding ofEnvelope(byte[] envelope) {
        return new MarkedRegisterBinding(State.BOUND, Digests.sha256Hex(Objects.requireNonNull(envelope,
                "envelope")));
    }

    /** Whether {@code envelope} is the backup this binding names (false unless {@link State#BOUND}). */
    public boolean matches(byte[] envelope) {
        Objects.requireNonNull(envelope, "envelope");
        return state == State.BOUND && sha256.equals(Digests.sha256Hex(envelope));
    }
}
