package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.mrz.IdentityDocument;

/**
 * The eligibility rules of the issue, pure: in this precinct's register, not already checked in, at least
 * the minimum age on election day, document not expired on election day and agreeing with the register.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /**
     * The first rule the voter fails, in the order the clerk would check them, or empty when eligible.
     *
     * @param voter            the register entry, empty if the IIN is not in the register
     * @param alreadyCheckedIn whether the ledger has the voter
     * @param document         the card read, empty when there was none (the clerk checks it by hand)
     * @param policy           the kiosk's rules
     */
    public static Optional<Refusal> check(Optional<RegisteredVoter> voter, boolean alreadyCheckedIn,
                                          Optional<IdentityDocument> document, CheckInPolicy policy) {
        return check(voter, alreadyCheckedIn, Optional.empty(), document, policy);
    }

    /**
     * The first rule the voter fails, or empty when eligible; a voter this register does not hold but whom the
     * authority's redirection table places at another polling station is {@link Refusal#OTHER_PRECINCT}, one the
     * register marks as having voted before election day {@link Refusal#VOTED_EARLY} or
     * {@link Refusal#VOTED_BY_ABSENTEE_CERTIFICATE}.
     *
     * @param elsewhere the polling station the redirection table names for a voter the register does not hold
     */
    public static Optional<Refusal> check(Optional<RegisteredVoter> voter, boolean alreadyCheckedIn,
                                          Optional<PollingStation> elsewhere, Optional<IdentityDocument> document,
                                          CheckInPolicy policy) {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(elsewhere, "elsewhere");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(policy, "policy");
        if (voter.isEmpty()) {
            return Optional.of(elsewhere.isPresent() && !elsewhere.get().precinct().equals(policy.precinct())
                    ? Refusal.OTHER_PRECINCT : Refusal.NOT_IN_REGISTER);
        }
        var entry = voter.get().voter();
        if (!entry.precinct().equals(policy.precinct())) {
            return Optional.of(Refusal.OTHER_PRECINCT);
        }
        if (voter.get().priorVote().isPresent()) {
            return Optional.of(voter.get().priorVote().get() == PriorVote.EARLY ? Refusal.VOTED_EARLY
                    : Refusal.VOTED_BY_ABSENTEE_CERTIFICATE);
        }
        if (alreadyCheckedIn) {
            return Optional.of(Refusal.ALREADY_CHECKED_IN);
        }
        if (entry.ageOn(policy.electionDay()) < policy.minimumAge()) {
            return Optional.of(Refusal.UNDER_AGE);
        }
        if (document.isPresent()) {
            if (!document.get().validOn(policy.electionDay())) {
                return Optional.of(Refusal.DOCUMENT_EXPIRED);
            }
            if (!document.get().birthDate().equals(entry.birthDate())) {
                return Optional.of(Refusal.DOCUMENT_MISMATCH);
            }
        }
        return Optional.empty();
    }
}
