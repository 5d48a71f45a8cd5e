package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: a voter or a clerk at the ballot desk types a genuine code in another form to take a second ballot, or a
 * form the desk might read as another code (session H53, issue 13 item 2): lower case, without dashes, with spaces,
 * Cyrillic or full-width look-alikes of its letters and digits, a zero-width or no-break space inside, a symbol more
 * or less, 81 characters, and the code again after the desk restarted (a new process over the same ledger), typed or as its
 * QR payload. Every look-alike is refused before the ledger is created; the forms a person types are one code,
 * redeemed once, whichever form comes first, across restarts.
 */
class DeskCodeVariantsIT {

    private static final ElectionId ELECTION = new ElectionId("KZ-2026-TEST");
    private static final PrecinctId PRECINCT = new PrecinctId(101);
    /** Latin capitals and the Cyrillic letters drawn the same. */
    private static final Map<Character, Character> CYRILLIC = Map.of('A', 'А', 'B', 'В', 'C', 'С', 'E', 'Е',
            'K', 'К', 'M', 'М', 'H', 'Н', 'O', 'О', 'P', 'Р', 'T', 'Т');

    @TempDir
    Path dir;

    @Test
    void aGenuineCodeIsOneCodeInEveryTypedFormRedeemedOnceAcrossRestartsAndLookAlikesAreRefused() throws Exception {
        Ed25519TokenKeys kioskKey = Ed25519TokenKeys.generate(new SecureRandom());   // test key
        BallotDesk desk = BallotDesk.write(dir.resolve("desk-101"), kioskKey, ELECTION, PRECINCT);
        PreparedToken genuine = BallotDesk.kioskIssuer(kioskKey, ELECTION, PRECINCT).prepare();
        String code = genuine.token().humanCode();
        Path ledger = dir.resolve("desk.db");

        List<String> lookAlikes = new ArrayList<>();
        lookAlikes.add(replaceFirst(code, CYRILLIC));
        lookAlikes.add(replaceFirst(code, Map.of('2', '２', '3', '３', '4', '４', '5', '５', '6', '６', '7', '７')));
        lookAlikes.add(code.substring(0, 5) + "\u200B" + code.substring(5));
        lookAlikes.add(code.substring(0, 5) + "\u00A0" + code.substring(5));
        lookAlikes.add(code + "A");
        lookAlikes.add(code.substring(0, code.length() - 1));
        lookAlikes.add(code + "A".repeat(81 - code.length()));
        lookAlikes.add("A" + "-".repeat(43));
        for (String lookAlike : lookAlikes) {
            ThreatWorld.Run run = ThreatWorld.run(desk.command("redeem", List.of("--ledger", ledger.toString()),
                    List.of(lookAlike)));
            assertEquals(1, run.exit(), lookAlike + ": " + run.out() + run.err());
            assertTrue(run.out().startsWith("REFUSED MALFORMED ") || run.out().startsWith("REFUSED BAD_CHECK_"),
                    lookAlike + ": " + run.out());
            assertTrue(run.err().isEmpty(), run.err());
            assertFalse(Files.exists(ledger), "a refused look-alike created the ledger");
        }

        String typedAsAPersonMight = " " + code.toLowerCase(Locale.ROOT).replace("-", "  ") + "\t";
        ThreatWorld.Run first = ThreatWorld.run(desk.command("redeem", List.of("--ledger", ledger.toString()),
                List.of(typedAsAPersonMight)));
        assertEquals(0, first.exit(), first.out() + first.err());
        assertEquals("ACCEPTED " + genuine.id() + " typed", first.out().strip());

        // The desk restarted: its own JVM over the same ledger, the code in its printed form, then its QR payload.
        for (String again : List.of(code, code.replace("-", ""), genuine.token().qrPayload())) {
            JarRunner.Result replay = JarRunner.run(dir, desk.command("redeem", List.of("--ledger",
                    ledger.toString()), List.of(again)));
            assertEquals(1, replay.exitCode(), again + ": " + replay.out() + replay.err());
            assertEquals("REFUSED ALREADY_REDEEMED token.refusal.alreadyRedeemed", replay.out().strip(), again);
        }
    }

    /** {@code code} with its first character that has a look-alike in {@code twins} replaced by it. */
    private static String replaceFirst(String code, Map<Character, Character> twins) {
        for (int i = 0; i < code.length(); i++) {
            Character twin = twins.get(code.charAt(i));
            if (twin != null) {
                return code.substring(0, i) + twin + code.substring(i + 1);
            }
        }
        throw new AssertionError("the code holds none of " + twins.keySet() + ": " + code);
    }
}
