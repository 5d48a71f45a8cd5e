package kz.sailau.kiosk.token;

/**
 * Port: the kiosk's table of issued token ids, for reconciliation with the ballot desk. By design it
 * holds nothing that could link a token to a voter or to the order of check-ins (see
 * {@link SqliteIssuedTokens} for the schema).
 */
public interface IssuedTokens {

    /** Makes an issued id durable. */
    void add(TokenId id);

    /** Marks an issued id void (it failed to print); true if it was issued and not yet void. */
    boolean markVoid(TokenId id);

    /** Issued ids not voided. */
    long countValid();

    /** Voided ids. */
    long countVoid();
}
