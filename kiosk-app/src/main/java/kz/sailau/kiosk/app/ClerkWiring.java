package kz.sailau.kiosk.app;

import java.security.SecureRandom;
import java.time.Clock;
import kz.sailau.kiosk.checkin.ClerkAuthenticator;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.clerk.RosterClerkAuthenticator;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.store.KioskDatabase;

/**
 * How the kiosk (production start, demo, administrator screen) reaches the clerk roster: the roster of the
 * unlocked store ({@link ClerkRoster#of}), PINs hashed with the production Argon2id cost, roster events in the audit log with
 * the chain head signed by the kiosk key. There is no built-in clerk: production accepts only clerks the
 * administrator added ({@code clerk add} or the Clerks pane).
 */
public final class ClerkWiring {

    /** Problem line of the start checks when nobody could act as a clerk. */
    public static final String NO_ACTIVE_CLERK = "clerks: no active clerk in the roster; add the commission members' "
            + "badge logins with 'clerk add --data DIR --id C01' (or reset a locked one with 'clerk reset')";

    private ClerkWiring() {
    }

    /** The roster of {@code database}, unlocked with {@code credentials}. */
    public static ClerkRoster roster(KioskDatabase database, KioskCredentials credentials, SecureRandom random, Clock clock) {
        return ClerkRoster.of(database, credentials, random, clock);
    }

    /** The production clerk check: the store's roster, nothing else. */
    public static ClerkAuthenticator authenticator(KioskDatabase database, KioskCredentials credentials, SecureRandom random,
                                            Clock clock) {
        return new RosterClerkAuthenticator(roster(database, credentials, random, clock));
    }
}
