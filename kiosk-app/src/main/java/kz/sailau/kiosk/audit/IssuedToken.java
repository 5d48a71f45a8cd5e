package kz.sailau.kiosk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One issued ballot token id and whether it was voided, as the end-of-day bundle lists them: sorted by id, with no
 * time and no link to a check-in, so that the ballot desk's redemptions can be reconciled against them
 * ({@code token reconcile}, {@code bundle verify --redeemed-ledger}). A token id is not personal data.
 *
 * @param id     the token id, 32 lower-case hex digits in a genuine bundle (checked by the verifier, not here)
 * @param voided whether a clerk voided it (it failed to print)
 */
public record IssuedToken(String id, boolean voided) {

    /** @throws NullPointerException on a null id */
    public IssuedToken {
        Objects.requireNonNull(id, "id");
    }

    /**
     * Reads the kiosk's issued-ids table ({@code issued_token}, written by the check-in ledger) in id order, on the
     * caller's transaction.
     */
    public static List<IssuedToken> readAll(Connection connection) throws SQLException {
        List<IssuedToken> tokens = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id, voided FROM issued_token ORDER BY id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                tokens.add(new IssuedToken(HexFormat.of().formatHex(r.getBytes(1)), r.getInt(2) == 1));
            }
        }
        return tokens;
    }
}
