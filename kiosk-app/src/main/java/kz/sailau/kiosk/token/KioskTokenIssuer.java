package kz.sailau.kiosk.token;

import java.security.SecureRandom;
import java.util.Objects;
import kz.sailau.kiosk.checkin.BallotTokenIssuer;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * Makes ballot tokens for the check-in engine: a fresh 128-bit id from the injected random source, signed with the
 * kiosk's Ed25519 key (the QR payload) and tagged under the precinct token key (the typed code). Stateless: the
 * ledger records the id as issued, in the same atomic step as the check-in or void it belongs to.
 */
public final class KioskTokenIssuer implements BallotTokenIssuer {

    private final ElectionId election;
    private final PrecinctId precinct;
    private final TokenSigner signer;
    private final TypedCodeKey typedCodeKey;
    private final SecureRandom random;

    /**
     * @param election     the election
     * @param precinct     this kiosk's precinct
     * @param signer       the kiosk's token signing key
     * @param typedCodeKey the precinct token key of this election's precinct
     * @param random       the source of token ids
     */
    public KioskTokenIssuer(ElectionId election, PrecinctId precinct, TokenSigner signer, TypedCodeKey typedCodeKey,
                            SecureRandom random) {
        this.election = Objects.requireNonNull(election, "election");
        this.precinct = Objects.requireNonNull(precinct, "precinct");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.typedCodeKey = Objects.requireNonNull(typedCodeKey, "typedCodeKey");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public PreparedToken prepare() {
        TokenId id;
        synchronized (random) {
            id = TokenId.random(random);
        }
        BallotToken token = new BallotToken(BallotToken.VERSION, election, precinct, id);
        byte[] signature = signer.sign(TokenCodec.body(token));
        return new PreparedToken(id.toString(), new IssuedBallotToken(
                HumanCode.encode(typedCodeKey, election, precinct, id), TokenCodec.qrPayload(token, signature)));
    }
}
