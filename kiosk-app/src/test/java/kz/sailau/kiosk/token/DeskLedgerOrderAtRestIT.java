package kz.sailau.kiosk.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat (session H60): someone who copies the standalone ballot desk's ledger reads from where the redeemed ids lie
 * in the file in which order ballots were handed out — with the kiosk's audit log (check-ins in order, to the
 * minute) which token went to the voter at about which minute. The same tokens redeemed in two different orders,
 * QR and typed mixed, leave every id at the same offset of the file, and no journal is left.
 */
class DeskLedgerOrderAtRestIT {

    private static final int TOKENS = 60;

    @TempDir
    Path dir;

    @Test
    void theSameRedemptionsInAnotherOrderLeaveTheSameFile() throws Exception {
        Random random = new Random(60);
        List<TokenId> ids = new ArrayList<>();
        byte[] bytes = new byte[16];
        for (int n = 0; n < TOKENS; n++) {
            random.nextBytes(bytes);
            ids.add(new TokenId(bytes.clone()));
        }
        List<TokenId> first = new ArrayList<>(ids);
        List<TokenId> second = new ArrayList<>(ids);
        Collections.shuffle(first, new Random(1));
        Collections.shuffle(second, new Random(2));
        TreeMap<Integer, String> one = layout(redeem(dir.resolve("one.db"), first), ids);
        TreeMap<Integer, String> two = layout(redeem(dir.resolve("two.db"), second), ids);
        assertEquals(one, two, "where each redeemed id lies depends on the set, not on the order of redemption");
        List<String> arrival = first.stream().map(DeskLedgerOrderAtRestIT::hex).toList();
        assertFalse(List.copyOf(one.values()).equals(arrival), "not in the order of redemption");
        List<String> backwards = new ArrayList<>(arrival);
        Collections.reverse(backwards);
        assertFalse(List.copyOf(one.values()).equals(backwards), "nor backwards");
    }

    private Path redeem(Path file, List<TokenId> order) {
        try (RedeemLedger ledger = new RedeemLedger(file, TokenTest.desk())) {
            for (int n = 0; n < order.size(); n++) {
                TokenId id = order.get(n);
                String code = n % 3 == 0 ? TokenTest.typed(id)
                        : TokenTest.qr(TokenTest.ELECTION, TokenTest.PRECINCT, TokenTest.TEST_KEY, id);
                assertTrue(ledger.redeem(code).accepted());
            }
        }
        for (String suffix : List.of("-journal", "-wal")) {
            assertFalse(Files.exists(file.resolveSibling(file.getFileName() + suffix)), suffix + " left behind");
        }
        return file;
    }

    /** Every occurrence of every id in the raw file, by offset. */
    private static TreeMap<Integer, String> layout(Path file, List<TokenId> ids) throws Exception {
        byte[] raw = Files.readAllBytes(file);
        TreeMap<Integer, String> at = new TreeMap<>();
        for (TokenId id : ids) {
            byte[] needle = id.bytes();
            boolean found = false;
            for (int i = 0; i + needle.length <= raw.length; i++) {
                if (Arrays.equals(raw, i, i + needle.length, needle, 0, needle.length)) {
                    at.put(i, hex(id));
                    found = true;
                }
            }
            assertTrue(found, "every redeemed id is in the file");
        }
        return at;
    }

    private static String hex(TokenId id) {
        return HexFormat.of().formatHex(id.bytes());
    }
}
