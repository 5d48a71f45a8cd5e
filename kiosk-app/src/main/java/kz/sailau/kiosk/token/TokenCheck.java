package kz.sailau.kiosk.token;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * What the ballot desk checks before handing out a ballot, for a scanned QR payload or a typed code, offline.
 *
 * <p>A QR payload is checked completely: format, version, the kiosk's Ed25519 signature, election, precinct. A
 * typed code carries the token id and a 47-bit tag under the precinct token key ({@link HumanCode}): its check
 * character first (a typing error), then its tag for this desk's election and precinct; a code of another
 * precinct or election, or a forged one, fails the tag ({@link TokenRefusal#TYPED_CODE_NOT_VALID}), a code of the
 * pre-election test is {@link TokenRefusal#TEST_TOKEN}. An accepted typed code is recorded as
 * {@link Verdict#typed() typed}; the end-of-day reconciliation ({@code token reconcile}) matches every redemption
 * against the kiosks' issued ids.
 */
public final class TokenCheck {

    private final ElectionId election;
    private final PrecinctId precinct;
    private final TokenVerifier verifier;
    private final TypedCodeKey typedCodeKey;

    /**
     * @param election     the desk's election
     * @param precinct     the desk's precinct
     * @param verifier     the kiosk's public-key check (QR payloads)
     * @param typedCodeKey the precinct token key of this election and precinct (typed codes)
     */
    public TokenCheck(ElectionId election, PrecinctId precinct, TokenVerifier verifier, TypedCodeKey typedCodeKey) {
        this.election = Objects.requireNonNull(election, "election");
        this.precinct = Objects.requireNonNull(precinct, "precinct");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.typedCodeKey = Objects.requireNonNull(typedCodeKey, "typedCodeKey");
    }

    /**
     * The outcome of a check.
     *
     * @param id      the token id when it could be read and authenticated
     * @param refusal the reason when refused, empty when accepted
     * @param typed   whether it came from a typed code
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
            return checkTyped(HumanCode.decode(trimmed));
        } catch (TokenFormatException e) {
            return Verdict.refused(e.refusal());
        }
    }

    private Verdict checkTyped(HumanCode.Typed typed) {
        if (HumanCode.tagMatches(typedCodeKey, election, precinct, typed)) {
            return new Verdict(Optional.of(typed.id()), Optional.empty(), true);
        }
        if (!election.isLogicAccuracyTest()
                && HumanCode.tagMatches(typedCodeKey, election.logicAccuracyTest(), precinct, typed)) {
            return new Verdict(Optional.of(typed.id()), Optional.of(TokenRefusal.TEST_TOKEN), true);
        }
        return new Verdict(Optional.empty(), Optional.of(TokenRefusal.TYPED_CODE_NOT_VALID), true);
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
