package kz.sailau.kiosk.token;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * What the ballot desk checks before handing out a ballot, for a scanned QR payload or a typed code.
 *
 * <p>A QR payload is checked completely: format, version, the kiosk's signature, election, precinct. A typed
 * code carries only the token id and its check character (a signature does not fit in a code people can
 * type), so it is accepted as {@link Verdict#typed() typed}: the desk records it as such and the end-of-day
 * reconciliation matches every typed redemption against the kiosk's issued-ids table.
 */
public final class TokenCheck {

    private final ElectionId election;
    private final PrecinctId precinct;
    private final TokenVerifier verifier;

    /**
     * @param election the desk's election
     * @param precinct the desk's precinct
     * @param verifier the kiosk's public-key check
     */
    public TokenCheck(ElectionId election, PrecinctId precinct, TokenVerifier verifier) {
        this.election = Objects.requireNonNull(election, "election");
        this.precinct = Objects.requireNonNull(precinct, "precinct");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * The outcome of a check.
     *
     * @param id      the token id when it could be read
     * @param refusal the reason when refused, empty when accepted
     * @param typed   whether it came from a typed code (no signature to check)
     */
    public record Verdict(Optional<TokenId> id, Optional<TokenRefusal> refusal, boolean typed) {
        /** @throws NullPointerException on null */
        public Verdict {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(refusal, "refusal");
        }

        /** Whether the token is accepted. */
        public boolean accepted() {
            return refusal.isEmpty();
        }

        static Verdict refused(TokenRefusal refusal) {
            return new Verdict(Optional.empty(), Optional.of(refusal), false);
        }
    }

    /** Checks a scanned QR payload or a typed code. Never throws for any input text. */
    public Verdict check(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        try {
            if (TokenCodec.isQrPayload(trimmed)) {
                return checkQr(TokenCodec.parseQr(trimmed));
            }
            return new Verdict(Optional.of(HumanCode.decode(trimmed)), Optional.empty(), true);
        } catch (TokenFormatException e) {
            return Verdict.refused(e.refusal());
        }
    }

    private Verdict checkQr(TokenCodec.SignedToken signed) {
        if (!verifier.verify(signed.body(), signed.signature())) {
            return Verdict.refused(TokenRefusal.WRONG_SIGNATURE);
        }
        if (!Arrays.equals(signed.body(), TokenCodec.body(signed.token()))) {
            return Verdict.refused(TokenRefusal.MALFORMED);
        }
        if (signed.token().election().isLogicAccuracyTest() && !election.isLogicAccuracyTest()) {
            return new Verdict(Optional.of(signed.token().id()), Optional.of(TokenRefusal.TEST_TOKEN), false);
        }
        if (!signed.token().election().equals(election)) {
            return new Verdict(Optional.of(signed.token().id()), Optional.of(TokenRefusal.OTHER_ELECTION), false);
        }
        if (!signed.token().precinct().equals(precinct)) {
            return new Verdict(Optional.of(signed.token().id()), Optional.of(TokenRefusal.OTHER_PRECINCT), false);
        }
        return new Verdict(Optional.of(signed.token().id()), Optional.empty(), false);
    }
}
