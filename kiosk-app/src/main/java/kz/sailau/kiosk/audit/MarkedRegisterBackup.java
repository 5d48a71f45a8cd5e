package kz.sailau.kiosk.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.crypto.AuthorityEnvelope;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.register.RegisteredVoter;

/**
 * The encrypted backup of the marked register: which voters of the register have checked in, and how (for
 * the manual fallback and a recount). The plaintext JSON ({@value #FORMAT}: election, precinct, register
 * version, and one {@code {iin, method}} per check-in) exists only in memory and is encrypted to the
 * authority's certificate with {@link AuthorityEnvelope} before it is written; the kiosk cannot read it back.
 */
public final class MarkedRegisterBackup {

    /** Format id of the plaintext inside the envelope. */
    public static final String FORMAT = "sailau-marked-register-v1";
    /** File name of the backup next to the bundle. */
    public static final String FILE_SUFFIX = ".marked-register.p7m";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private MarkedRegisterBackup() {
    }

    /**
     * Builds and encrypts the backup on the caller's transaction (the close of the day builds it before it
     * commits).
     *
     * @param register  the unlocked register store (decrypts the IINs of checked-in voters)
     * @param authority the authority certificate to encrypt to
     * @return the CMS envelope (DER)
     */
    public static byte[] export(Connection connection, RegisterStore register, String election, int precinct,
                                long registerVersion, X509Certificate authority, SecureRandom random)
            throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(register, "register");
        record Marked(long rowId, String method) {
        }
        List<Marked> marked = new ArrayList<>();
        long unmatched = 0;
        try (PreparedStatement s = connection.prepareStatement("SELECT v.id, c.method FROM checkin c "
                + "LEFT JOIN voter v ON v.iin_index = c.voter_index ORDER BY v.id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long id = r.getLong(1);
                if (r.wasNull()) {
                    unmatched++;
                } else {
                    marked.add(new Marked(id, r.getString(2)));
                }
            }
        }
        List<String[]> checkedIn = new ArrayList<>();
        for (Marked m : marked) {
            RegisteredVoter voter = register.findByRowId(connection, m.rowId()).orElseThrow();
            checkedIn.add(new String[] {voter.voter().iin().digits(), m.method()});
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("election", election);
        root.put("precinct", precinct);
        root.put("registerVersion", registerVersion);
        root.put("checkInsNotInRegister", unmatched);
        ArrayNode list = root.putArray("checkedIn");
        for (String[] entry : checkedIn) {
            list.addObject().put("iin", entry[0]).put("method", entry[1]);
        }
        byte[] plain;
        try {
            plain = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("backup JSON cannot be written", e);
        }
        try {
            return AuthorityEnvelope.encrypt(plain, authority, random);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
