package kz.sailau.kiosk.token;

import java.util.Objects;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctOutcome;

/**
 * The issued-ids table of a kiosk on a precinct network: an id is issued (or voided) precinct-wide first, so that
 * the ballot desk can check it live, then in the kiosk's own table. The replicated ledger never receives the id
 * together with the voter: the check-in and the token are separate commands.
 */
public final class ReplicatedIssuedTokens implements IssuedTokens {

    private final IssuedTokens local;
    private final PrecinctNode node;

    /**
     * @param local this kiosk's own table
     * @param node  this kiosk's node of the precinct network
     */
    public ReplicatedIssuedTokens(IssuedTokens local, PrecinctNode node) {
        this.local = Objects.requireNonNull(local, "local");
        this.node = Objects.requireNonNull(node, "node");
    }

    /** @throws TokenStoreException if the precinct did not accept the id (the engine asks the clerk) */
    @Override
    public void add(TokenId id) {
        PrecinctOutcome outcome = node.issueToken(id.bytes());
        if (outcome != PrecinctOutcome.ACCEPTED) {
            throw new TokenStoreException("the precinct ledger refused the token id: " + outcome, null);
        }
        local.add(id);
    }

    @Override
    public boolean markVoid(TokenId id) {
        PrecinctOutcome outcome = node.voidToken(id.bytes());
        return local.markVoid(id) && outcome == PrecinctOutcome.ACCEPTED;
    }

    @Override
    public long countValid() {
        return local.countValid();
    }

    @Override
    public long countVoid() {
        return local.countVoid();
    }
}
