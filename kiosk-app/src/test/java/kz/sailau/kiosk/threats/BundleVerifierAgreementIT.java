package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditField;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.audit.MarkedRegisterBackup;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: an insider hands the observers an altered end-of-day bundle, and one of the two verifiers lets it through
 * (issue #13, item 3: {@code audit verify BUNDLE} used to exit 0 on broken bundles). Both {@code audit verify BUNDLE}
 * and {@code bundle verify} run the same checks: for every alteration below both exit 1, with and without
 * {@code --authority-cert}, and print the same lines; the genuine bundle passes both, and without the authority
 * certificate both say plainly that the signer was not checked. A chain forged from scratch and signed with the
 * forger's own key is consistent in itself: only the authority certificate exposes it, which is why the
 * verdict says "signer NOT checked" without one.
 */
class BundleVerifierAgreementIT {

    @TempDir
    static Path dir;

    private static Path genuine;
    private static Path authority;

    @BeforeAll
    static void closeADay() throws Exception {
        try (DayFixture day = DayFixture.open(dir.resolve("kiosk"), 30)) {
            day.simulate(20);
            genuine = dir.resolve("day.json");
            day.close(genuine);
        }
        authority = RegisterFixtures.writeCertificate(dir.resolve("authority.crt.pem"),
                RegisterFixtures.authority().certificate());
    }

    @Test
    void theGenuineBundlePassesBothAndSaysWhenTheSignerWasNotChecked() {
        Map<String, Integer> exits = verifyBoth(genuine, true);
        assertEquals(Map.of("audit", 0, "bundle", 0), exits);
        DayFixture.Console console = DayFixture.console();
        assertEquals(0, console.run("bundle", "verify", genuine.toString()));
        assertTrue(console.out().contains("NOT CHECKED\tsigner\tNOT checked: no authority certificate given"),
                console.out());
        assertTrue(console.out().strip().endsWith("bundle verified (signer, register signer NOT checked)"), console.out());
    }

    /**
     * Session H45: a kiosk certificate lives a year, so the same kiosk's bundle of an earlier election verified as
     * today's, and no line named the election, precinct or day it was of. Now an {@code election} line names them
     * (both verifiers), and {@code bundle verify --election ID} fails a bundle of another election.
     */
    @Test
    void theBundleNamesItsElectionAndABundleOfAnotherElectionFailsWithElection() {
        String election = RegisterFixtures.ELECTION.value();
        for (String command : List.of("audit", "bundle")) {
            DayFixture.Console console = DayFixture.console();
            assertEquals(0, console.run(command, "verify", genuine.toString(), "--authority-cert",
                    authority.toString()), console.out());
            assertTrue(console.out().contains("ok\telection\telection " + election + ", precinct "
                    + RegisterFixtures.PRECINCT.number() + ", closed "), console.out());
        }
        DayFixture.Console same = DayFixture.console();
        assertEquals(0, same.run("bundle", "verify", genuine.toString(), "--authority-cert", authority.toString(),
                "--election", election), same.out());
        DayFixture.Console other = DayFixture.console();
        assertEquals(1, other.run("bundle", "verify", genuine.toString(), "--authority-cert", authority.toString(),
                "--election", "KZ-2027-PRES"), other.out());
        assertTrue(other.out().contains("FAILED\telection\tthe bundle is of election " + election
                + ", not KZ-2027-PRES"), other.out());
        assertTrue(other.out().strip().endsWith("bundle NOT verified"), other.out());
    }

    @Test
    void everyAlterationFailsBothVerifiersWithAndWithoutTheAuthority() throws Exception {
        Map<String, Consumer<Path>> alterations = new LinkedHashMap<>();
        alterations.put("no .p7s", bundle -> delete(signature(bundle)));
        alterations.put("garbage .p7s", bundle -> write(signature(bundle), "not a signature".getBytes()));
        alterations.put("edited check-in count", bundle -> replace(bundle, "\"checkIns\" : 20", "\"checkIns\" : 19"));
        alterations.put("edited token count", bundle -> replace(bundle, "\"tokensIssued\" : 21",
                "\"tokensIssued\" : 20"));
        alterations.put("a byte appended", bundle -> write(bundle, append(read(bundle), (byte) '\n')));
        alterations.put("an issued id removed", bundle -> removeFirstIssuedId(bundle));
        alterations.put("forged chain, recomputed head, .p7s deleted", bundle -> {
            write(bundle, forgedWithoutOneCheckIn(read(bundle), null).toJson());
            delete(signature(bundle));
        });
        for (Map.Entry<String, Consumer<Path>> alteration : alterations.entrySet()) {
            Path copy = copyOfGenuine(alteration.getKey());
            alteration.getValue().accept(copy);
            for (boolean withAuthority : List.of(true, false)) {
                assertEquals(Map.of("audit", 1, "bundle", 1), verifyBoth(copy, withAuthority),
                        alteration.getKey() + (withAuthority ? " (with" : " (without") + " --authority-cert)");
            }
        }
    }

    @Test
    void aChainForgedAndSignedWithTheForgersOwnKeyFailsOnlyAgainstTheAuthority() throws Exception {
        ForgedKiosk forged = ForgedKiosk.make();
        KioskCredentials forgedKiosk = forged.kiosk();
        X509Certificate forgedCertificate = forged.certificate();
        Path copy = copyOfGenuine("forged and re-signed");
        byte[] json = forgedWithoutOneCheckIn(read(copy), ChainHeadSigner.kiosk(forgedKiosk)).toJson();
        write(copy, json);
        write(signature(copy), KioskSignatures.signDetached(json, forgedKiosk, forgedCertificate));
        assertEquals(Map.of("audit", 1, "bundle", 1), verifyBoth(copy, true), "the authority exposes the forger");
        assertEquals(Map.of("audit", 0, "bundle", 0), verifyBoth(copy, false), "self-consistent without it");
        DayFixture.Console console = DayFixture.console();
        console.run("audit", "verify", copy.toString());
        assertTrue(console.out().contains("bundle verified (signer, register signer NOT checked)"), console.out());
    }

    @Test
    void theSignatureLineNamesWhatIsWrongWithItsOwnKeyAndNoExceptionName() throws Exception {
        ForgedKiosk other = ForgedKiosk.make();
        KioskCredentials otherKiosk = other.kiosk();
        X509Certificate otherCertificate = other.certificate();
        X509Certificate genuineCertificate = KioskSignatures.signerCertificate(read(signature(genuine)));
        byte[] json = read(genuine);
        byte[] genuineSignature = read(signature(genuine));
        Map<String, byte[]> signatures = new LinkedHashMap<>();
        signatures.put("garbage", "not a signature".getBytes(StandardCharsets.UTF_8));
        signatures.put("empty", new byte[0]);
        signatures.put("truncated", java.util.Arrays.copyOf(genuineSignature, genuineSignature.length / 2));
        // The CMS parser alone ignores bytes after the structure: a second file that verified alike.
        signatures.put("bytes appended after it", append(genuineSignature, (byte) '\n'));
        signatures.put("another key, the genuine certificate", KioskSignatures.signDetached(json, otherKiosk,
                genuineCertificate));
        signatures.put("another key and its own certificate", KioskSignatures.signDetached(json, otherKiosk,
                otherCertificate));
        Map<String, String> keys = Map.of("garbage", "bundle.check.signatureUnreadable",
                "empty", "bundle.check.signatureUnreadable", "truncated", "bundle.check.signatureUnreadable",
                "bytes appended after it", "bundle.check.signatureUnreadable",
                "another key, the genuine certificate", "bundle.check.signatureMismatch",
                "another key and its own certificate", "bundle.check.signerNotCertified");
        for (Map.Entry<String, byte[]> bad : signatures.entrySet()) {
            Path copy = copyOfGenuine("signature " + bad.getKey());
            write(signature(copy), bad.getValue());
            DayFixture.Console console = DayFixture.console();
            assertEquals(1, console.run("bundle", "verify", copy.toString(), "--authority-cert",
                    authority.toString()), bad.getKey() + ": " + console.out());
            String line = console.out().lines().filter(l -> l.startsWith("FAILED\tsignature\t")).findFirst()
                    .orElseThrow(() -> new AssertionError(bad.getKey() + ": " + console.out()));
            assertTrue(line.endsWith("[" + keys.get(bad.getKey()) + "]"), bad.getKey() + ": " + line);
            assertFalse(console.out().contains("Exception") || console.out().contains("bouncycastle"),
                    bad.getKey() + ": " + console.out());
            assertTrue(console.err().isEmpty(), console.err());
        }
        Path missing = copyOfGenuine("signature missing");
        delete(signature(missing));
        DayFixture.Console console = DayFixture.console();
        assertEquals(1, console.run("audit", "verify", missing.toString()));
        assertTrue(console.out().contains("FAILED\tsignature\tno detached signature file (BUNDLE.p7s) "
                + "[bundle.check.signatureMissing]"), console.out());
    }

    /**
     * Session H66: the observer guide's Step 1 showed {@code register signer} after {@code issued tokens}, where the
     * program prints it after {@code audit log}. The guide's example names its checks in the order both verifiers
     * print them, and every check printed for a genuine bundle with {@code --authority-cert} and {@code --election}
     * is in it.
     */
    @Test
    void theObserverGuideShowsTheChecksInTheOrderTheyArePrinted() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "observer-guide.md"), StandardCharsets.UTF_8);
        int step = guide.indexOf("## Step 1: verify the bundle");
        int start = guide.indexOf("```\nok ", step) + 4;
        List<String> shown = guide.substring(start, guide.indexOf("```", start)).lines()
                .filter(line -> line.startsWith("ok ")).map(line -> line.substring(2).strip().split(" {2,}")[0])
                .toList();
        DayFixture.Console console = DayFixture.console();
        assertEquals(0, console.run("bundle", "verify", genuine.toString(), "--authority-cert", authority.toString(),
                "--election", RegisterFixtures.ELECTION.value()), console.out());
        List<String> printed = console.out().lines().filter(line -> line.startsWith("ok\t"))
                .map(line -> line.split("\t")[1]).toList();
        assertTrue(shown.containsAll(printed), "the guide's example lacks a check: " + shown + " vs " + printed);
        assertEquals(printed, shown.stream().filter(printed::contains).toList(), "the guide's example: " + shown);
    }

    /**
     * Session H66 (the observer guide walked): one byte changed so that the bundle cannot be read any more (a letter
     * of an event type, a byte appended after the object) was refused as unreadable only, while the guide promises
     * that any change fails the signature. Now the one line says both (decision 0488); a file that is no bundle and
     * has no signature is refused as before, without a word about a change.
     */
    @Test
    void aChangeThatMakesTheBundleUnreadableIsSaidToBeAChangeByBothVerifiers() throws Exception {
        Map<String, Consumer<Path>> changes = new LinkedHashMap<>();
        changes.put("an event type changed", bundle -> replace(bundle, "\"CHECK_IN_BY_FINGERPRINT\"",
                "\"CHECK_IN_BY_FINGERPRINU\""));
        changes.put("a letter appended", bundle -> write(bundle, append(read(bundle), (byte) 'x')));
        for (Map.Entry<String, Consumer<Path>> change : changes.entrySet()) {
            Path copy = copyOfGenuine("unreadable " + change.getKey());
            change.getValue().accept(copy);
            for (String command : List.of("audit", "bundle")) {
                DayFixture.Console console = DayFixture.console();
                assertEquals(1, console.run(command, "verify", copy.toString(), "--authority-cert",
                        authority.toString()), change.getKey() + ": " + console.out() + console.err());
                assertEquals(1, console.err().lines().count(), change.getKey() + ": " + console.err());
                assertTrue(console.err().startsWith("error [audit.error.bundleFormat]: bundle cannot be read")
                        && console.err().strip().endsWith(", and its signature does not match its contents: the "
                        + "file was changed after it was signed"), change.getKey() + ": " + console.err());
            }
        }
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"not\": \"a bundle\"}\n");
        DayFixture.Console console = DayFixture.console();
        assertEquals(1, console.run("bundle", "verify", garbage.toString()), console.err());
        assertTrue(console.err().startsWith("error [audit.error.bundleFormat]: ")
                && !console.err().contains("changed"), console.err());
    }

    @Test
    void theRealJarGivesTheSameVerdictForBothCommands() throws Exception {
        Path copy = copyOfGenuine("jar");
        write(copy, append(read(copy), (byte) '\n'));
        JarRunner.Result audit = JarRunner.run(dir, "audit", "verify", copy.toString(), "--authority-cert",
                authority.toString());
        JarRunner.Result bundle = JarRunner.run(dir, "bundle", "verify", copy.toString(), "--authority-cert",
                authority.toString());
        assertEquals(1, audit.exitCode(), audit.out() + audit.err());
        assertEquals(1, bundle.exitCode(), bundle.out() + bundle.err());
        assertEquals(bundle.out(), audit.out());
        assertTrue(audit.out().contains("FAILED\tsignature"), audit.out());
    }

    /** A kiosk key certified by a forger's own authority (TEST keys made in the test). */
    private record ForgedKiosk(KioskCredentials kiosk, X509Certificate certificate) {
        static ForgedKiosk make() {
            AuthorityCredentials forger = AuthorityCredentials.generate("Forger (TEST)", RegisterFixtures.CLOCK,
                    Duration.ofDays(30), new SecureRandom());
            KioskCredentials kiosk = KioskCredentials.generate(new SecureRandom());
            return new ForgedKiosk(kiosk, forger.certifyKiosk(kiosk.certificationRequest(RegisterFixtures.PRECINCT),
                    RegisterFixtures.CLOCK, Duration.ofDays(30), new SecureRandom()));
        }
    }

    /** Runs both commands in-process; asserts they print the same lines; returns their exit codes. */
    private static Map<String, Integer> verifyBoth(Path bundle, boolean withAuthority) {
        List<String> tail = withAuthority ? List.of("--authority-cert", authority.toString()) : List.of();
        DayFixture.Console audit = DayFixture.console();
        List<String> auditArgs = new ArrayList<>(List.of("audit", "verify", bundle.toString()));
        auditArgs.addAll(tail);
        int auditExit = audit.run(auditArgs.toArray(String[]::new));
        DayFixture.Console check = DayFixture.console();
        List<String> bundleArgs = new ArrayList<>(List.of("bundle", "verify", bundle.toString()));
        bundleArgs.addAll(tail);
        int bundleExit = check.run(bundleArgs.toArray(String[]::new));
        assertEquals(check.out(), audit.out(), "both verifiers print the same checks");
        assertTrue(audit.err().isEmpty() && check.err().isEmpty(), audit.err() + check.err());
        return Map.of("audit", auditExit, "bundle", bundleExit);
    }

    /**
     * The bundle's log without its first fingerprint check-in and the token issued with it, every later entry
     * renumbered and rehashed, {@code DAY_CLOSED} and the counts recomputed, the signed heads pointed at the new
     * hashes (re-signed with {@code signer}, or keeping their old signatures when it is null), and one issued id
     * fewer: what a forger who wants one check-in fewer would write.
     */
    private static DayBundle forgedWithoutOneCheckIn(byte[] json, ChainHeadSigner signer) {
        DayBundle bundle = DayBundle.parse(json).bundle();
        List<AuditEntry> kept = new ArrayList<>(bundle.entries());
        int dropAt = 0;
        while (kept.get(dropAt).event().type() != AuditEventType.CHECK_IN_BY_FINGERPRINT) {
            dropAt++;
        }
        assertEquals(AuditEventType.TOKEN_ISSUED, kept.get(dropAt + 1).event().type(), "fixture: check-in, token");
        kept.remove(dropAt + 1);
        kept.remove(dropAt);
        DayCounts counts = DayCounts.of(kept);
        List<AuditEntry> forged = new ArrayList<>();
        Map<Long, AuditEntry> byOldSequence = new LinkedHashMap<>();
        String previous = AuditEntry.GENESIS;
        for (AuditEntry entry : kept) {
            AuditEvent event = entry.event();
            if (event.type() == AuditEventType.DAY_CLOSED) {
                event = AuditEvent.of(AuditEventType.DAY_CLOSED, AuditField.count("checkIns", counts.checkIns()),
                        AuditField.count("byFingerprint", counts.byFingerprint()),
                        AuditField.count("byOverride", counts.byOverride()),
                        AuditField.count("inFallback", counts.inFallback()),
                        AuditField.count("tokensIssued", counts.tokensIssued()),
                        AuditField.count("tokensVoided", counts.tokensVoided()),
                        AuditField.count("tokensNotIssued", counts.tokensNotIssued()));
            } else if (event.type() == AuditEventType.CHAIN_HEAD_SIGNED) {
                long target = Long.parseLong(event.field("headSequence"));
                AuditEntry head = byOldSequence.entrySet().stream().filter(e -> e.getKey() <= target)
                        .reduce((a, b) -> b).orElseThrow().getValue();
                String signature = signer == null ? event.field("signature") : Base64.getEncoder().encodeToString(
                        signer.sign(ChainHeadSigner.message(head.sequence(), head.hash())));
                event = AuditEvent.of(AuditEventType.CHAIN_HEAD_SIGNED,
                        AuditField.count("headSequence", head.sequence()), AuditField.digest("headHash", head.hash()),
                        AuditField.signature("signature", signature));
            }
            AuditEntry next = AuditEntry.next(forged.size() + 1, entry.time(), event, previous);
            byOldSequence.put(entry.sequence(), next);
            forged.add(next);
            previous = next.hash();
        }
        List<kz.sailau.kiosk.audit.IssuedToken> issued = new ArrayList<>(bundle.issuedTokens());
        issued.remove(issued.stream().filter(t -> !t.voided()).findFirst().orElseThrow());
        return new DayBundle(bundle.election(), bundle.precinct(), bundle.registerVersion(), bundle.registerSha256(),
                bundle.softwareVersion(), bundle.jarSha256(), bundle.closedAt(), DayCounts.of(forged), forged, issued,
                bundle.waitTimes(), bundle.markedRegister());
    }

    private static void removeFirstIssuedId(Path bundle) {
        DayBundle parsed = DayBundle.parse(read(bundle)).bundle();
        String id = parsed.issuedTokens().get(0).id();
        String text = new String(read(bundle), StandardCharsets.UTF_8);
        int at = text.indexOf("\"id\" : \"" + id + "\"");
        int start = text.lastIndexOf('{', at);
        int end = text.indexOf('}', at) + 1;
        String rest = text.substring(end).replaceFirst("^\\s*,", "");
        write(bundle, (text.substring(0, start) + rest).getBytes(StandardCharsets.UTF_8));
    }

    private static Path copyOfGenuine(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-"))).resolve("day.json");
        Files.copy(genuine, copy);
        Files.copy(signature(genuine), signature(copy));
        Files.copy(genuine.resolveSibling("day.json" + MarkedRegisterBackup.FILE_SUFFIX),
                copy.resolveSibling("day.json" + MarkedRegisterBackup.FILE_SUFFIX));
        return copy;
    }

    private static Path signature(Path bundle) {
        return bundle.resolveSibling(bundle.getFileName() + DayBundle.SIGNATURE_SUFFIX);
    }

    private static void replace(Path file, String from, String to) {
        String text = new String(read(file), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "fixture: " + from + " not in the bundle");
        write(file, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] append(byte[] bytes, byte b) {
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        longer[bytes.length] = b;
        return longer;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
