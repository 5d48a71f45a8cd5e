package kz.sailau.kiosk.token;

import java.security.SecureRandom;
import java.util.Objects;
import kz.sailau.kiosk.checkin.BallotTokenIssuer;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * Issues signed ballot tokens for the check-in engine: a fresh 128-bit id from the injected random source,
 * recorded in the issued-ids table, signed with the kiosk key. Holds only the last token, for voiding.
 */
public final class KioskTokenIssuer implements BallotTokenIssuer {

    private final ElectionId election;
    private final PrecinctId precinct;
    private final TokenSigner signer;
    private final IssuedTokens issued;
    private final SecureRandom random;
    private IssuedBallotToken last;
    private TokenId lastId;

    /**
     * @param election the election
     * @param precinct this kiosk's precinct
     * @param signer   the kiosk key
     * @param issued   the issued-ids table
     * @param random   the source of token ids
     */
    public KioskTokenIssuer(ElectionId election, PrecinctId precinct, TokenSigner signer, IssuedTokens issued,
                            SecureRandom random) {
        this.election = Objects.requireNonNull(election, "election");
        this.precinct = Objects.requireNonNull(precinct, "precinct");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.issued = Objects.requireNonNull(issued, "issued");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized IssuedBallotToken issue() {
        TokenId id = TokenId.random(random);
        BallotToken token = new BallotToken(BallotToken.VERSION, election, precinct, id);
        byte[] signature = signer.sign(TokenCodec.body(token));
        issued.add(id);
        last = new IssuedBallotToken(HumanCode.encode(id), TokenCodec.qrPayload(token, signature));
        lastId = id;
        return last;
    }

    @Override
    public synchronized void voidLast(IssuedBallotToken token) {
        Objects.requireNonNull(token, "token");
        if (last == null || !last.equals(token)) {
            throw new IllegalStateException("only the last token issued can be voided");
        }
        issued.markVoid(lastId);
        last = null;
        lastId = null;
    }
}
