package kz.sailau.kiosk.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite token tables on real files: schema, raw bytes, durability of redemptions. */
class TokenLedgerIT {

    @TempDir
    Path dir;

    @Test
    void issuedTableHoldsOnlyRandomIdsInIdOrder() throws Exception {
        Path file = dir.resolve("kiosk-tokens.db");
        List<byte[]> insertionOrder = new ArrayList<>();
        try (SqliteIssuedTokens issued = new SqliteIssuedTokens(file)) {
            KioskTokenIssuer issuer = new KioskTokenIssuer(TokenTest.ELECTION, TokenTest.PRECINCT,
                    TokenTest.TEST_KEY::sign, issued, new SecureRandom());
            IssuedBallotToken last = null;
            for (int i = 0; i < 50; i++) {
                last = issuer.issue();
                insertionOrder.add(TokenCodec.parseQr(last.qrPayload()).token().id().bytes());
            }
            issuer.voidLast(last);
            assertEquals(49, issued.countValid());
            assertEquals(1, issued.countVoid());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'issued_token'")) {
                assertTrue(r.next());
                String sql = r.getString(1).toUpperCase();
                assertTrue(sql.contains("WITHOUT ROWID"), sql);
                assertFalse(sql.contains("AUTOINCREMENT") || sql.contains("TIME") || sql.contains("DATE")
                        || sql.contains("CHECKIN") || sql.contains("CHECK_IN") || sql.contains("REFERENCES"), sql);
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery("PRAGMA table_info(issued_token)")) {
                while (r.next()) {
                    columns.add(r.getString("name"));
                }
            }
            assertEquals(List.of("id", "voided"), columns);
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")) {
                assertEquals(0, r.getInt(1));
            }
        }
        // Raw bytes: ids appear in the file in id order, not in the order they were issued.
        byte[] raw = Files.readAllBytes(file);
        List<byte[]> sorted = new ArrayList<>(insertionOrder);
        sorted.sort(Arrays::compareUnsigned);
        List<Integer> offsets = new ArrayList<>();
        for (byte[] id : sorted) {
            int at = indexOf(raw, id);
            assertTrue(at >= 0, "id " + HexFormat.of().formatHex(id) + " not found in the file");
            offsets.add(at);
        }
        List<Integer> ascending = new ArrayList<>(offsets);
        ascending.sort(Integer::compare);
        List<Integer> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertTrue(offsets.equals(ascending) || offsets.equals(descending),
                "storage order must follow the random id, not the issue order: " + offsets);
        assertFalse(Files.exists(dir.resolve("kiosk-tokens.db-wal")), "no write-ahead log with frames in time order");
        assertFalse(insertionOrder.equals(sorted), "fixture: insertion order differs from id order");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void redeemOnceSurvivesReopening() {
        Path file = dir.resolve("desk.db");
        TokenId id = TokenId.random(new SecureRandom());
        String qr = TokenTest.qr(TokenTest.ELECTION, TokenTest.PRECINCT, TokenTest.TEST_KEY, id);
        try (RedeemLedger ledger = new RedeemLedger(file, TokenTest.desk())) {
            assertTrue(ledger.redeem(qr).accepted());
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), ledger.redeem(qr).refusal());
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), ledger.redeem(HumanCode.encode(id)).refusal());
            assertEquals(Optional.of(TokenRefusal.WRONG_SIGNATURE), ledger.redeem(
                    TokenTest.qr(TokenTest.ELECTION, TokenTest.PRECINCT, TokenTest.OTHER_TEST_KEY,
                            TokenId.random(new SecureRandom()))).refusal());
        }
        try (RedeemLedger reopened = new RedeemLedger(file, TokenTest.desk())) {
            assertTrue(reopened.isRedeemed(id));
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), reopened.redeem(qr).refusal());
            assertEquals(1, reopened.count());
        }
    }
}
