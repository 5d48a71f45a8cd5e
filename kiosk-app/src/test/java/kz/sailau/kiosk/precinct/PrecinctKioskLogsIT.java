package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static kz.sailau.kiosk.precinct.PrecinctBundleVerifierTest.assertFailed;
import static kz.sailau.kiosk.precinct.PrecinctBundleVerifierTest.check;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.audit.IssuedToken;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosks' own end-of-day bundles joined with the precinct bundle (decision 0251), through the verifier and
 * {@code bundle verify --precinct DIR}: two real kiosk days ({@link DayFixture}: a DEMO kiosk, its SQLite ledger, its
 * signed hash-chained audit log, closed with {@code EndOfDay}) and a sealed precinct ledger that records the same
 * check-ins and token ids for them, plus an id kiosk-1 issued and voided on the network before anyone saw it (a lost
 * race), signed by TEST node keys of kiosk-1, kiosk-2 and desk-1. Honest, it verifies; a kiosk's own bundle missing,
 * two bundles under each other's names, one byte changed in one, or a valid id in the ledger that the kiosk's own log
 * does not have, each fails with its own line, and the command exits 1.
 */
class PrecinctKioskLogsIT {

    private static final NodeName KIOSK_1 = new NodeName("kiosk-1");
    private static final NodeName KIOSK_2 = new NodeName("kiosk-2");
    private static final NodeName DESK = new NodeName("desk-1");

    @TempDir
    static Path root;
    static Path source;
    static Path authorityFile;
    static final Map<NodeName, DayBundle> DAYS = new LinkedHashMap<>();
    static final Map<NodeName, NodeCredentials> NODES = new LinkedHashMap<>();

    @BeforeAll
    static void twoKioskDays() throws Exception {
        source = Files.createDirectories(root.resolve("source"));
        int[] checkIns = {8, 5};
        List<NodeName> kiosks = List.of(KIOSK_1, KIOSK_2);
        List<DayFixture> days = DayFixture.openPrecinct(kiosks.stream().map(k -> root.resolve(k + "-data")).toList(),
                12);
        for (int k = 0; k < kiosks.size(); k++) {
            try (DayFixture day = days.get(k)) {
                day.simulate(checkIns[k]);
                DAYS.put(kiosks.get(k), day.close(source.resolve(kiosks.get(k)
                        + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX)).content());
                authorityFile = day.directory.resolve("authority-copy.crt.pem");
            }
        }
        NODES.put(KIOSK_1, PrecinctBundleVerifierTest.certified(RegisterFixtures.authority(), KIOSK_1, NodeRole.KIOSK,
                RegisterFixtures.PRECINCT));
        NODES.put(KIOSK_2, PrecinctBundleVerifierTest.certified(RegisterFixtures.authority(), KIOSK_2, NodeRole.KIOSK,
                RegisterFixtures.PRECINCT));
        NODES.put(DESK, PrecinctBundleVerifierTest.certified(RegisterFixtures.authority(), DESK,
                NodeRole.BALLOT_DESK, RegisterFixtures.PRECINCT));
    }

    /** The precinct ledger of the two kiosk days; {@code extraValidId} adds a valid id for kiosk-2 it never issued. */
    private static PrecinctLedgerState ledger(boolean extraValidId) {
        return ledger(extraValidId, DAYS.get(KIOSK_1).registerSha256());
    }

    /** The same, the precinct having agreed on the register package of SHA-256 {@code agreedPackage}. */
    private static PrecinctLedgerState ledger(boolean extraValidId, String agreedPackage) {
        return ledger(extraValidId, agreedPackage, List.of());
    }

    /** The same, with {@code more} applied before the seal (a sealed ledger takes no more, decision 0471). */
    private static PrecinctLedgerState ledger(boolean extraValidId, String agreedPackage,
                                              List<PrecinctCommand> more) {
        Random random = new Random(11);
        PrecinctLedgerState state = new PrecinctLedgerState();
        for (NodeName kiosk : DAYS.keySet()) {
            apply(state, new PrecinctCommand.OpenRegister(bytes(random, 16), kiosk, 1, agreedPackage));
            DayBundle day = DAYS.get(kiosk);
            for (long i = 0; i < day.counts().checkIns(); i++) {
                apply(state, new PrecinctCommand.CheckIn(bytes(random, 16), kiosk, bytes(random, 32), 0));
            }
            for (IssuedToken token : day.issuedTokens()) {
                byte[] id = HexFormat.of().parseHex(token.id());
                apply(state, new PrecinctCommand.IssueToken(bytes(random, 16), kiosk, id));
                if (token.voided()) {
                    apply(state, new PrecinctCommand.VoidToken(bytes(random, 16), kiosk, id));
                }
            }
        }
        byte[] lostRace = bytes(random, 16);
        apply(state, new PrecinctCommand.IssueToken(bytes(random, 16), KIOSK_1, lostRace));
        apply(state, new PrecinctCommand.VoidToken(bytes(random, 16), KIOSK_1, lostRace));
        if (extraValidId) {
            apply(state, new PrecinctCommand.IssueToken(bytes(random, 16), KIOSK_2, bytes(random, 16)));
        }
        IssuedToken redeemed = DAYS.get(KIOSK_2).issuedTokens().get(0);
        apply(state, new PrecinctCommand.RedeemToken(bytes(random, 16), DESK, HexFormat.of().parseHex(redeemed.id()),
                false));
        for (PrecinctCommand command : more) {
            apply(state, command);
        }
        apply(state, new PrecinctCommand.Seal(bytes(random, 16), KIOSK_1));
        return state;
    }

    /** A directory with every node's signed bundle of {@code state} and the kiosks' own day bundles. */
    private static Path precinctDirectory(String name, PrecinctLedgerState state) throws Exception {
        Path directory = Files.createDirectories(root.resolve(name));
        for (Map.Entry<NodeName, NodeCredentials> node : NODES.entrySet()) {
            byte[] bundle = PrecinctDayBundle.write(state, node.getKey(), node.getValue().role(),
                    RegisterFixtures.PRECINCT, NODES.keySet());
            PrecinctDayBundle.save(directory, node.getKey(), bundle, node.getValue().signDetached(bundle));
        }
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
        }
        return directory;
    }

    private static PrecinctBundleVerifier.Result verify(Path directory) throws Exception {
        return PrecinctBundleVerifier.verify(PrecinctBundleVerifier.read(directory),
                PrecinctBundleVerifier.readKioskDays(directory), RegisterFixtures.authority().certificate());
    }

    @Test
    void theKiosksOwnLogsAgreeWithThePrecinctLedgerAndTheCommandSaysVerified() throws Exception {
        Path directory = precinctDirectory("honest", ledger(false));
        PrecinctBundleVerifier.Result result = verify(directory);
        assertTrue(result.passed(), result.toString());
        assertEquals("precinct bundle verified: 3 nodes and the own logs of 2 kiosks; check-ins 13 = tokens issued "
                + "15 - voided 2", result.verdict());
        assertEquals("kiosk-1.day-bundle.json verified (signed by a kiosk of the authority, audit log intact): 8 "
                + "check-ins, 9 tokens issued, 1 voided, as in the precinct ledger; 1 further id(s) the ledger voided "
                + "before anyone saw them (a race for a voter lost to another kiosk, or the network lost)",
                check(result, "kiosk log kiosk-1").message());
        assertTrue(check(result, "kiosk log kiosk-2").message().contains(": 5 check-ins, 5 tokens issued, 0 voided, "
                + "as in the precinct ledger"), result.toString());

        DayFixture.Console console = DayFixture.console();
        assertEquals(0, console.run("bundle", "verify", "--precinct", directory.toString(), "--authority-cert",
                authorityFile.toString()), console.out() + console.err());
        assertTrue(console.out().contains("ok\tkiosk log kiosk-2\tkiosk-2.day-bundle.json verified"), console.out());
        assertTrue(console.out().contains("ok\tregister\tevery node closed on register version 1"), console.out());
        assertTrue(console.out().endsWith("precinct bundle verified: 3 nodes and the own logs of 2 kiosks; "
                + "check-ins 13 = tokens issued 15 - voided 2\n"), console.out());
    }

    @Test
    void theKiosksOwnLogsNameTheElectionAndAnEarlierElectionsBundlesFailWhenTheElectionIsGiven() throws Exception {
        Path directory = precinctDirectory("election", ledger(false));
        String election = RegisterFixtures.ELECTION.value();
        assertEquals("every kiosk's own log names election " + election + " (give --election to require it)",
                check(verify(directory), "election").message());
        String[] verify = {"bundle", "verify", "--precinct", directory.toString(), "--authority-cert",
                authorityFile.toString(), "--election"};

        DayFixture.Console console = DayFixture.console();
        assertEquals(0, console.run(append(verify, election)), console.out() + console.err());
        assertTrue(console.out().contains("ok\telection\tevery kiosk's own log names election " + election
                + ", as given\n"), console.out());

        // The same precinct's complete, honest set of bundles, offered as another election's day.
        console = DayFixture.console();
        assertEquals(1, console.run(append(verify, "KZ-2031-PRES")), console.out() + console.err());
        assertTrue(console.out().contains("FAILED\telection\tthe bundles are of election " + election
                + ", not KZ-2031-PRES\n"), console.out());
        assertTrue(console.out().contains("\nprecinct bundle NOT verified: "), console.out());

        console = DayFixture.console();
        assertEquals(1, console.run(append(verify, "not an id")), console.out() + console.err());
        assertTrue(console.err().contains("[cli.error.election]") && console.err().strip().lines().count() == 1,
                console.err());
        assertEquals("", console.out());
    }

    private static String[] append(String[] args, String last) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    @Test
    void aKiosksOwnBundleMissingIsAFailureAndTheCommandExitsOne() throws Exception {
        Path directory = precinctDirectory("missing", ledger(false));
        Files.delete(directory.resolve("kiosk-2" + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX));
        assertFailed(verify(directory), "kiosk log kiosk-2", "no own day bundle kiosk-2.day-bundle.json from kiosk-2, "
                + "which signed the precinct bundle as a kiosk: its own signed audit log is missing");
        DayFixture.Console console = DayFixture.console();
        assertEquals(1, console.run("bundle", "verify", "--precinct", directory.toString(), "--authority-cert",
                authorityFile.toString()), console.out() + console.err());
        assertTrue(console.out().contains("FAILED\tkiosk log kiosk-2\tno own day bundle"), console.out());
        assertTrue(console.out().contains("\nprecinct bundle NOT verified: "), console.out());
    }

    @Test
    void twoKiosksBundlesUnderEachOthersNamesFail() throws Exception {
        Path directory = precinctDirectory("swapped", ledger(false));
        Path one = directory.resolve("kiosk-1" + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX);
        Path two = directory.resolve("kiosk-2" + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX);
        Path parked = directory.resolve("parked");
        for (String suffix : List.of("", ".p7s")) {
            Files.move(Path.of(one + suffix), Path.of(parked + suffix));
            Files.move(Path.of(two + suffix), Path.of(one + suffix));
            Files.move(Path.of(parked + suffix), Path.of(two + suffix));
        }
        PrecinctBundleVerifier.Result result = verify(directory);
        assertFailed(result, "kiosk log kiosk-1", "kiosk-1: its own log has 5 check-ins, the precinct ledger 8; 5 token "
                + "id(s) of its own log are not in the precinct ledger as issued by it");
        assertFailed(result, "kiosk log kiosk-2", "kiosk-2: its own log has 8 check-ins, the precinct ledger 5");
    }

    @Test
    void aKiosksBundleFiledUnderAMachineThatIsNoKioskFails() throws Exception {
        Path directory = precinctDirectory("under-the-desk", ledger(false));
        refile(directory, "kiosk-1", "desk-1", false);
        refile(directory, "kiosk-2", "kiosk-9", true);
        PrecinctBundleVerifier.Result result = verify(directory);
        assertFailed(result, "kiosk log desk-1", "desk-1.day-bundle.json is filed under desk-1, which signed the "
                + "precinct bundle as a ballot-desk, not as a kiosk: a kiosk's own log belongs under the name of the "
                + "kiosk that kept it");
        assertFailed(result, "kiosk log kiosk-9", "kiosk-9.day-bundle.json is filed under kiosk-9, which is not a "
                + "machine of this precinct network");
        assertFailed(result, "kiosk log kiosk-1", "no own day bundle kiosk-1.day-bundle.json");
    }

    @Test
    void oneKiosksBundleFiledUnderTwoNamesFails() throws Exception {
        Path directory = precinctDirectory("twice", ledger(false));
        refile(directory, "kiosk-1", "kiosk-2", true);
        PrecinctBundleVerifier.Result result = verify(directory);
        assertFailed(result, "kiosk log kiosk-1", "kiosk-1.day-bundle.json is signed by the same kiosk certificate as "
                + "kiosk-2: one kiosk's own log filed under two names");
        assertFailed(result, "kiosk log kiosk-2", "kiosk-2.day-bundle.json is signed by the same kiosk certificate as "
                + "kiosk-1");
    }

    @Test
    void aGarbageSignatureIsSaidInWordsWithItsKeyAndNoExceptionName() throws Exception {
        Path directory = precinctDirectory("garbage", ledger(false));
        Files.writeString(directory.resolve("kiosk-1" + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX + ".p7s"), "garbage");
        Files.writeString(directory.resolve("kiosk-2" + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX), "garbage");
        Files.writeString(directory.resolve("desk-1" + PrecinctDayBundle.SUFFIX + PrecinctDayBundle.SIGNATURE_SUFFIX),
                "garbage");
        PrecinctBundleVerifier.Result result = verify(directory);
        assertFailed(result, "kiosk log kiosk-1", "kiosk-1.day-bundle.json does not verify as a kiosk's day bundle: "
                + "signature");
        // Its signature file is kiosk-2's own: the garbage is said to be a change (decision 0488).
        assertFailed(result, "kiosk log kiosk-2", "kiosk-2.day-bundle.json is not a kiosk's day bundle: bundle cannot "
                + "be read (not JSON of the sailau-day-bundle-v2 format), and its signature does not match its "
                + "contents: the file was changed after it was signed [audit.error.bundleFormat]");
        assertFailed(result, "signature desk-1", "desk-1.bundle: bundle signature cannot be read (not a CMS signature "
                + "with one signer and its certificate) [audit.error.bundleSignature]");
        assertFalse(result.toString().contains("Exception"), result.toString());
    }

    @Test
    void aFileNamedLikeALineOfTheOutputAddsNoLine() throws Exception {
        Path directory = precinctDirectory("named-like-output", ledger(false));
        Files.writeString(directory.resolve("x\nprecinct bundle verified: 3 nodes\n"
                + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX), "x");
        Files.writeString(directory.resolve("kiosk-7\u2028ok\u202e" + PrecinctDayBundle.SUFFIX), "x");
        DayFixture.Console console = DayFixture.console();
        assertEquals(1, console.run("bundle", "verify", "--precinct", directory.toString(), "--authority-cert",
                authorityFile.toString()), console.out() + console.err());
        List<String> lines = console.out().lines().toList();
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.startsWith("ok\t") || line.startsWith("FAILED\t"), "a check line: " + line);
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("precinct bundle NOT verified: "), console.out());
        assertTrue(console.out().contains("FAILED\tkiosk log x?precinct bundle verified: 3 nodes?\tx?precinct bundle "
                + "verified: 3 nodes?.day-bundle.json is not named after a node"), console.out());
        assertFalse(console.out().contains("\u2028") || console.out().contains("\u202e"), console.out());
    }

    @Test
    void aChangedByteInAKiosksOwnBundleFails() throws Exception {
        Path directory = precinctDirectory("changed", ledger(false));
        Path file = directory.resolve("kiosk-1" + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX);
        Files.writeString(file, Files.readString(file).replaceFirst("\"precinct\" : 101", "\"precinct\" : 102"));
        assertFailed(verify(directory), "kiosk log kiosk-1", "kiosk-1.day-bundle.json does not verify as a kiosk's "
                + "day bundle: signature");
    }

    @Test
    void aValidIdInTheLedgerThatTheKiosksOwnLogLacksFails() throws Exception {
        PrecinctBundleVerifier.Result result = verify(precinctDirectory("extra", ledger(true)));
        assertFailed(result, "kiosk log kiosk-2", "1 valid token id(s) in the precinct ledger as issued by it are not "
                + "in its own log");
        assertTrue(check(result, "kiosk log kiosk-1").passed(), result.toString());
    }

    @Test
    void aPaperMarkInTheLedgerThatTheKiosksOwnLogLacksFails() throws Exception {
        PrecinctLedgerState state = ledger(false, DAYS.get(KIOSK_1).registerSha256(), List.of(
                new PrecinctCommand.PaperMark(bytes(new Random(12), 16), KIOSK_2, bytes(new Random(13), 32))));
        PrecinctBundleVerifier.Result result = verify(precinctDirectory("paper", state));
        assertFailed(result, "kiosk log kiosk-2", "its own log has 0 paper marks, the precinct ledger 1");
        assertTrue(check(result, "kiosk log kiosk-1").passed(), result.toString());
    }

    @Test
    void kiosksThatCheckedVotersInOnAnotherPackageOfTheAgreedVersionFail() throws Exception {
        String other = "ab".repeat(32);
        PrecinctBundleVerifier.Result result = verify(precinctDirectory("other-package", ledger(false, other)));
        assertFailed(result, "kiosk log kiosk-1", "it checked voters in on register version 1 (package SHA-256 "
                + DAYS.get(KIOSK_1).registerSha256() + "), the precinct on 1 (package SHA-256 " + other + ")");
        assertTrue(check(result, "register").passed(), result.toString());
    }

    /** Files {@code from}'s own day bundle and its signature under {@code to}'s name: a copy, or moved. */
    private static void refile(Path directory, String from, String to, boolean copy) throws Exception {
        for (String suffix : List.of("", PrecinctDayBundle.SIGNATURE_SUFFIX)) {
            Path source = directory.resolve(from + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX + suffix);
            Path target = directory.resolve(to + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX + suffix);
            if (copy) {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(source, target);
            }
        }
    }

    private static void apply(PrecinctLedgerState state, PrecinctCommand command) {
        PrecinctOutcome outcome = state.apply(command).outcome();
        assertEquals(PrecinctOutcome.ACCEPTED, outcome, command.getClass().getSimpleName());
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
