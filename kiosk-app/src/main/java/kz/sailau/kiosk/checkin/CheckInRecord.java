package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.Iin;

/**
 * One check-in to be made durable. Holds the IIN (the ledger keeps it encrypted or as a blind index), never a
 * token: a token is not linked to its voter anywhere. {@link #toString()} reveals the method only.
 *
 * @param iin            the voter
 * @param method         how the identity was established
 * @param overrideReason the clerk's reason, present exactly for {@link CheckInMethod#CLERK_OVERRIDE}
 * @param clerk          the authorising clerk, present for every method but {@link CheckInMethod#FINGERPRINT}
 * @param specialList    the legal document, present exactly for {@link CheckInMethod#SPECIAL_LIST}
 */
public record CheckInRecord(Iin iin, CheckInMethod method, Optional<OverrideReason> overrideReason,
                            Optional<ClerkId> clerk, Optional<LegalDocument> specialList) {

    /** A check-in that is not on the special list. */
    public CheckInRecord(Iin iin, CheckInMethod method, Optional<OverrideReason> overrideReason,
                         Optional<ClerkId> clerk) {
        this(iin, method, overrideReason, clerk, Optional.empty());
    }

    /** @throws IllegalArgumentException when reason, document or clerk do not fit the method */
    public CheckInRecord {
        Objects.requireNonNull(iin, "iin");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(overrideReason, "overrideReason");
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(specialList, "specialList");
        if (specialList.isPresent() != (method == CheckInMethod.SPECIAL_LIST)) {
            throw new IllegalArgumentException("a legal document goes with, and only with, a special-list check-in");
        }
        if (overrideReason.isPresent() != (method == CheckInMethod.CLERK_OVERRIDE)) {
            throw new IllegalArgumentException("an override reason goes with, and only with, a clerk override");
        }
        if (clerk.isPresent() == (method == CheckInMethod.FINGERPRINT)) {
            throw new IllegalArgumentException("a clerk authorises every check-in but a plain fingerprint one");
        }
    }

    @Override
    public String toString() {
        return "CheckInRecord[" + method + ", ***]";
    }
}
