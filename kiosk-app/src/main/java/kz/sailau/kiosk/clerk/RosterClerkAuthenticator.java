package kz.sailau.kiosk.clerk;

import java.util.Objects;
import kz.sailau.kiosk.checkin.ClerkAuthenticator;
import kz.sailau.kiosk.checkin.ClerkId;

/**
 * The production {@link ClerkAuthenticator}: a clerk is accepted only when the {@link ClerkRoster} in the
 * kiosk store holds that login as active and the PIN matches its Argon2id hash. Wrong PINs count towards the
 * roster's lockout. There is no built-in clerk: an empty roster accepts nobody.
 */
public final class RosterClerkAuthenticator implements ClerkAuthenticator {

    private final ClerkRoster roster;

    /** @param roster the kiosk's clerk roster */
    public RosterClerkAuthenticator(ClerkRoster roster) {
        this.roster = Objects.requireNonNull(roster, "roster");
    }

    @Override
    public boolean authenticate(ClerkId clerk, char[] pin) {
        return roster.check(clerk, pin).accepted();
    }
}
