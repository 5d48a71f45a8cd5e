package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one verifier over a precinct's node bundles: an honest sealed day of two kiosks and a ballot desk verifies;
 * each tampering (an edited count, a node on another register version, a bundle missing, a bundle of another precinct, a redeemed id no kiosk issued, a
 * voter recorded at two kiosks, no seal, a missing signature, lines in arrival order) fails with its own reason.
 * Keys: a TEST authority and TEST node keys generated here.
 */
class PrecinctBundleVerifierTest {

    private static final String PACKAGE = "ab".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PrecinctId PRECINCT = new PrecinctId(4711);
    private static final NodeName KIOSK_1 = new NodeName("kiosk-1");
    private static final NodeName KIOSK_2 = new NodeName("kiosk-2");
    private static final NodeName DESK = new NodeName("desk-1");
    /** Where each node's bundle is in {@link #bundles}: in file-name order, as a directory is read. */
    private static final int KIOSK_1_AT = 1;
    private static final int KIOSK_2_AT = 2;
    private static AuthorityCredentials authority;
    private static final Map<NodeName, NodeCredentials> NODES = new LinkedHashMap<>();
    private static PrecinctLedgerState sealed;

    @BeforeAll
    static void anHonestDay() {
        authority = AuthorityCredentials.generate("Central Election Commission (TEST)", Clock.systemUTC(),
                Duration.ofDays(1), RANDOM);
        NODES.put(KIOSK_1, certified(KIOSK_1, NodeRole.KIOSK, PRECINCT));
        NODES.put(KIOSK_2, certified(KIOSK_2, NodeRole.KIOSK, PRECINCT));
        NODES.put(DESK, certified(DESK, NodeRole.BALLOT_DESK, PRECINCT));
        Random random = new Random(3);
        sealed = new PrecinctLedgerState();
        assertEquals(PrecinctOutcome.ACCEPTED,
                apply(new PrecinctCommand.OpenRegister(bytes(random, 16), KIOSK_1, 1, PACKAGE)));
        assertEquals(PrecinctOutcome.ACCEPTED,
                apply(new PrecinctCommand.OpenRegister(bytes(random, 16), KIOSK_2, 1, PACKAGE)));
        for (int i = 0; i < 6; i++) {
            NodeName kiosk = i % 2 == 0 ? KIOSK_1 : KIOSK_2;
            byte[] token = bytes(random, 16);
            assertEquals(PrecinctOutcome.ACCEPTED, apply(new PrecinctCommand.CheckIn(bytes(random, 16), kiosk,
                    bytes(random, 32), i % 4 == 3 ? 2 : 0)));
            apply(new PrecinctCommand.IssueToken(bytes(random, 16), kiosk, token));
            if (i == 4) {   // the printer failed: the token is voided and another printed
                apply(new PrecinctCommand.VoidToken(bytes(random, 16), kiosk, token));
                byte[] reprint = bytes(random, 16);
                apply(new PrecinctCommand.IssueToken(bytes(random, 16), kiosk, reprint));
                token = reprint;
            }
            if (i < 5) {
                assertEquals(PrecinctOutcome.ACCEPTED, apply(new PrecinctCommand.RedeemToken(bytes(random, 16), DESK,
                        token, false)));
            }
        }
        apply(new PrecinctCommand.PaperMark(bytes(random, 16), KIOSK_2, bytes(random, 32)));
        apply(new PrecinctCommand.Seal(bytes(random, 16), KIOSK_1));
    }

    @Test
    void anHonestSealedDayOfTwoKiosksAndADeskVerifies() {
        PrecinctBundleVerifier.Result result = verify(bundles(sealed, UnaryOperator.identity()));
        assertTrue(result.passed(), result.toString());
        assertEquals("precinct bundle verified: 3 nodes; check-ins 6 = tokens issued 7 - voided 1",
                result.verdict());
        assertTrue(check(result, "counts kiosk-2").message().startsWith("3 check-ins, 3 issued, 0 voided"),
                result.toString());
        assertEquals("every node closed on register version 1 (package SHA-256 " + PACKAGE + "), the one the "
                + "precinct's kiosks opened with", check(result, "register").message());
    }

    @Test
    void aNodeThatClosedOnAnotherRegisterVersionFails() {
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        bundles.set(KIOSK_2_AT, signed(KIOSK_2, NODES.get(KIOSK_2), edit(bundles.get(KIOSK_2_AT).bundle(),
                text -> text.replace("\nregister 1 ", "\nregister 2 "))));
        PrecinctBundleVerifier.Result result = verify(bundles);
        assertFailed(result, "register", "the nodes closed on different register versions: desk-1, kiosk-1 on "
                + "register version 1 (package SHA-256 " + PACKAGE + "); kiosk-2 on register version 2 (package "
                + "SHA-256 " + PACKAGE + ")");
        assertFailed(result, "agreement", "the ledger of kiosk-2 differs");
        assertTrue(check(result, "signature kiosk-2").passed(), result.toString());
    }

    @Test
    void aNodeThatClosedOnAnotherPackageOfTheSameVersionFails() {
        String other = "cd".repeat(32);
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        bundles.set(KIOSK_2_AT, signed(KIOSK_2, NODES.get(KIOSK_2), edit(bundles.get(KIOSK_2_AT).bundle(),
                text -> text.replace("\nregister 1 " + PACKAGE + "\n", "\nregister 1 " + other + "\n"))));
        PrecinctBundleVerifier.Result result = verify(bundles);
        assertFailed(result, "register", "kiosk-2 on register version 1 (package SHA-256 " + other + ")");
        assertFailed(result, "agreement", "the ledger of kiosk-2 differs");
    }

    @Test
    void aLedgerNoKioskOpenedSaysNoneAndAMalformedRegisterLineIsNotABundle() {
        PrecinctLedgerState fresh = new PrecinctLedgerState();
        String text = new String(PrecinctDayBundle.write(fresh, KIOSK_1, NodeRole.KIOSK, PRECINCT, NODES.keySet()),
                StandardCharsets.UTF_8);
        assertTrue(text.contains("\nsealed 0\nregister none\n"), text);
        assertTrue(check(verify(bundles(fresh, UnaryOperator.identity())), "register").passed());
        for (String wrong : List.of("register 0 " + PACKAGE, "register -1 " + PACKAGE, "register x " + PACKAGE,
                "register", "register 1", "register 1 2", "register 1 " + PACKAGE.toUpperCase(Locale.ROOT),
                "register 1 " + PACKAGE + " ", "register none " + PACKAGE)) {
            PrecinctBundleVerifier.Result result = verify(bundles(sealed,
                    t -> t.replace("\nregister 1 " + PACKAGE + "\n", "\n" + wrong + "\n")));
            assertFailed(result, "format desk-1.bundle", "line 7");
        }
    }

    @Test
    void anEditedCountBreaksItsNodesSignature() {
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        PrecinctBundleVerifier.NodeBundle honest = bundles.get(KIOSK_1_AT);
        bundles.set(KIOSK_1_AT, new PrecinctBundleVerifier.NodeBundle(honest.file(), edit(honest.bundle(),
                text -> text.replaceFirst("count kiosk-1 fingerprint=(\\d)", "count kiosk-1 fingerprint=9")),
                honest.signature()));
        PrecinctBundleVerifier.Result result = verify(bundles);
        assertFalse(result.passed());
        assertFailed(result, "signature kiosk-1", "signature does not match");
    }

    @Test
    void anEditedCountSignedAgainByEveryNodeDoesNotMatchTheListedBlindIndexes() {
        PrecinctBundleVerifier.Result result = verify(bundles(sealed,
                text -> text.replaceFirst("count kiosk-1 fingerprint=(\\d)", "count kiosk-1 fingerprint=9")));
        assertFailed(result, "counts kiosk-1", "kiosk-1: 9 check-ins counted, 3 blind indexes listed");
        assertTrue(result.verdict().startsWith("precinct bundle NOT verified: "), result.verdict());
    }

    @Test
    void oneNodeSignedAnotherLedgerThanTheOthers() {
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        bundles.set(KIOSK_2_AT, signed(KIOSK_2, NODES.get(KIOSK_2), edit(bundles.get(KIOSK_2_AT).bundle(),
                text -> text.replace(" paper\n", " checkin\n"))));
        assertFailed(verify(bundles), "agreement", "the ledger of kiosk-2 differs from desk-1's");
    }

    @Test
    void aMembersBundleMissingFails() {
        List<PrecinctBundleVerifier.NodeBundle> bundles = bundles(sealed, UnaryOperator.identity()).stream()
                .filter(b -> !b.file().startsWith("desk-1")).toList();
        assertFailed(verify(bundles), "members", "no bundle from desk-1, a member at the close");
    }

    @Test
    void aBundleOfAnotherPrecinctFails() {
        NodeCredentials stranger = certified(new NodeName("kiosk-9"), NodeRole.KIOSK, new PrecinctId(4712));
        byte[] bundle = PrecinctDayBundle.write(sealed, stranger.name(), NodeRole.KIOSK, new PrecinctId(4712),
                NODES.keySet());
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        bundles.add(new PrecinctBundleVerifier.NodeBundle("kiosk-9.bundle", bundle,
                Optional.of(stranger.signDetached(bundle))));
        PrecinctBundleVerifier.Result result = verify(bundles);
        assertFailed(result, "precinct", "kiosk-9 is for precinct 4712, the others for precinct 4711");
        assertFailed(result, "members", "kiosk-9 signed a bundle but is not a member of this precinct network");
        assertTrue(check(result, "signature kiosk-9").passed(), "its signature itself is good: " + result);
    }

    @Test
    void aBundleSignedByAnotherNodeThanItNamesFails() {
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        byte[] kiosk2 = bundles.get(KIOSK_2_AT).bundle();
        bundles.set(KIOSK_2_AT, new PrecinctBundleVerifier.NodeBundle("kiosk-2.bundle", kiosk2,
                Optional.of(NODES.get(KIOSK_1).signDetached(kiosk2))));
        assertFailed(verify(bundles), "signature kiosk-2", "names kiosk-2 (kiosk, precinct 4711) but is signed by "
                + "kiosk-1");
    }

    @Test
    void aNodesBundleFiledUnderAnotherNodesNameFails() {
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        PrecinctBundleVerifier.NodeBundle kiosk2 = bundles.remove(KIOSK_2_AT);
        bundles.add(new PrecinctBundleVerifier.NodeBundle("kiosk-9.bundle", kiosk2.bundle(), kiosk2.signature()));
        PrecinctBundleVerifier.Result result = verify(bundles);
        assertFailed(result, "file kiosk-9.bundle", "kiosk-9.bundle holds the bundle of kiosk-2: a node's bundle "
                + "belongs under its own name, kiosk-2.bundle");
        assertTrue(check(result, "signature kiosk-2").passed(), result.toString());
    }

    @Test
    void aRedeemedIdNoKioskIssuedFails() {
        String forged = "token " + "ff".repeat(16) + " - redeemed desk-1\n";
        PrecinctBundleVerifier.Result result = verify(bundles(sealed, text -> text.replaceFirst(
                "count desk-1 (.*) redeemed=5 ", "count desk-1 $1 redeemed=6 ") + forged));
        assertFailed(result, "redeemed", "1 token(s) redeemed at desk-1 were issued by no kiosk");
        assertTrue(check(result, "counts desk-1").passed(), result.toString());
        assertFalse(result.toString().contains("ff".repeat(16)), "no token id is printed: " + result);
    }

    @Test
    void aKioskWhoseBundleIsMissingHasItsRedeemedTokensCountedNotListed() {
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        bundles.remove(KIOSK_2_AT);
        PrecinctBundleVerifier.Result result = verify(bundles);
        assertFailed(result, "members", "no bundle from kiosk-2, a member at the close");
        assertFailed(result, "redeemed", "2 token(s) redeemed at desk-1 were issued by kiosk-2, which signed no "
                + "bundle as a kiosk and was not withdrawn");
        String printed = result.checks().stream().map(PrecinctBundleVerifier.Check::message)
                .collect(Collectors.joining("\n")) + result.verdict();
        assertFalse(Pattern.compile("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])").matcher(printed).find(),
                "no token id (32 hex digits; the 64 of the package hash are no token) in any line: " + printed);
    }

    @Test
    void aVoterRecordedAtTwoKiosksFails() {
        PrecinctBundleVerifier.Result result = verify(bundles(sealed, text -> {
            String line = text.lines().filter(l -> l.startsWith("voter ") && l.endsWith(" kiosk-1 checkin"))
                    .findFirst().orElseThrow();
            return text.replace(line + "\n", line + "\n" + line.replace("kiosk-1", "kiosk-2") + "\n");
        }));
        assertFailed(result, "no double check-in", "a blind index is listed twice (by kiosk-1 and kiosk-2)");
    }

    @Test
    void aDayNotSealedFails() {
        PrecinctBundleVerifier.Result result = verify(bundles(sealed, text -> text.replace("sealed 1\n", "sealed 0\n")
                .replace(" seal=1\n", " seal=0\n")));
        assertFailed(result, "seal", "the ledger was not sealed");
    }

    @Test
    void aMissingSignatureFails() {
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>(bundles(sealed, UnaryOperator.identity()));
        bundles.set(KIOSK_2_AT, new PrecinctBundleVerifier.NodeBundle("kiosk-2.bundle",
                bundles.get(KIOSK_2_AT).bundle(), Optional.empty()));
        assertFailed(verify(bundles), "signature kiosk-2", "kiosk-2.bundle.p7s is missing");
    }

    @Test
    void linesInArrivalOrderFailAndGarbageIsNotABundle() {
        PrecinctBundleVerifier.Result result = verify(bundles(sealed, text -> {
            List<String> lines = new ArrayList<>(text.lines().toList());
            int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("token ")).findFirst().orElseThrow());
            String moved = lines.remove(first);
            lines.add(moved);
            return String.join("\n", lines) + "\n";
        }));
        assertFailed(result, "canonical order", "not in canonical order");
        List<PrecinctBundleVerifier.NodeBundle> garbage = List.of(new PrecinctBundleVerifier.NodeBundle("x.bundle",
                "garbage\n".getBytes(StandardCharsets.UTF_8), Optional.empty()));
        assertFailed(verify(garbage), "format x.bundle", "x.bundle is not a precinct bundle: not a precinct bundle");
    }

    private static PrecinctBundleVerifier.Result verify(List<PrecinctBundleVerifier.NodeBundle> bundles) {
        return PrecinctBundleVerifier.verify(bundles, authority.certificate());
    }

    /** Every node's bundle of {@code state}, each passed through {@code edit} and then signed by its node. */
    private static List<PrecinctBundleVerifier.NodeBundle> bundles(PrecinctLedgerState state,
                                                                   UnaryOperator<String> edit) {
        List<PrecinctBundleVerifier.NodeBundle> bundles = new ArrayList<>();
        for (Map.Entry<NodeName, NodeCredentials> node : NODES.entrySet()) {
            byte[] bundle = PrecinctDayBundle.write(state, node.getKey(), node.getValue().role(), PRECINCT,
                    NODES.keySet());
            bundles.add(signed(node.getKey(), node.getValue(), edit(bundle, edit)));
        }
        bundles.sort((a, b) -> a.file().compareTo(b.file()));
        return bundles;
    }

    private static PrecinctBundleVerifier.NodeBundle signed(NodeName name, NodeCredentials node, byte[] bundle) {
        return new PrecinctBundleVerifier.NodeBundle(name + PrecinctDayBundle.SUFFIX, bundle,
                Optional.of(node.signDetached(bundle)));
    }

    private static byte[] edit(byte[] bundle, UnaryOperator<String> edit) {
        return edit.apply(new String(bundle, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    static PrecinctBundleVerifier.Check check(PrecinctBundleVerifier.Result result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + result));
    }

    /** The check {@code name} failed with {@code reason}, and so did the verdict. */
    static void assertFailed(PrecinctBundleVerifier.Result result, String name, String reason) {
        PrecinctBundleVerifier.Check check = check(result, name);
        assertFalse(check.passed(), name + " should fail: " + result);
        assertTrue(check.message().contains(reason), "expected '" + reason + "' in: " + check.message());
        assertFalse(result.passed());
        assertTrue(result.verdict().startsWith("precinct bundle NOT verified: "), result.verdict());
    }

    private static PrecinctOutcome apply(PrecinctCommand command) {
        return sealed.apply(command).outcome();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static NodeCredentials certified(NodeName name, NodeRole role, PrecinctId precinct) {
        return certified(authority, name, role, precinct);
    }

    /** A TEST node key of {@code name}, certified by {@code authority} for its role and precinct. */
    static NodeCredentials certified(AuthorityCredentials authority, NodeName name, NodeRole role,
                                     PrecinctId precinct) {
        NodeCredentials credentials = NodeCredentials.generate(name, role, precinct, RANDOM);
        return credentials.withCertificate(NodeCertificates.certify(authority, credentials.certificationRequest(),
                precinct, Clock.systemUTC(), Duration.ofDays(1), RANDOM), authority.certificate());
    }
}
