package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.cli.CliException;
import kz.sailau.kiosk.cli.NodeCommands;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.audit.MarkedRegisterBackup;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctDayFiles;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.BERTaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threat: an outside attacker works on what the precinct network and the ballot desk added (issues #13 and #17):
 * the commands that issue and install node certificates and the precinct's token keys, the precinct's end-of-day
 * directory ({@code bundle verify --precinct}, format {@code sailau-precinct-bundle-v3}) and the detached
 * signatures ({@code .p7s}) of node and kiosk bundles. Through the real command line:
 * <ul>
 *   <li>every bad certificate, request or output path is refused as {@link BadInvocationsIT} requires (one keyed
 *       line, no stack trace, nothing changed): before this pass {@code authority certify-node --out} replaced the
 *       authority's sealed key, the node's request or a named pipe, and {@code token-key}/{@code desk-key --out}
 *       replaced a kiosk's or node's sealed key or the passphrase file;</li>
 *   <li>every alteration of a precinct's bundles fails {@code bundle verify --precinct} with exit 1;</li>
 *   <li>a {@code .p7s} that is valid by the CMS rules but not in the canonical DER form its signer writes (BER
 *       lengths, an unsigned attribute or a certificate added, an ECDSA {@code (r, n - s)}) fails every verifier,
 *       with and without {@code --authority-cert} (decision 0365): before, each such file verified.</li>
 * </ul>
 * The typed and scanned codes at the ballot desk are attacked in {@link ForgedTypedCodeIT} and
 * {@link RedeemedNotIssuedIT}; the attempts and their outcome are listed in {@code docs/threat-model.md}.
 */
class HostileNetworkIT {

    /** The authority's cheap Argon2id for the nodes made here (tests only). */
    private static final String[] CHEAP = {"--argon2-memory-kib", "8192", "--argon2-iterations", "1"};

    @TempDir
    static Path root;
    /** Outside {@link #root}: the copies a verification reads, the sparse files. */
    @TempDir
    static Path work;
    static ThreatWorld world;
    static final Map<String, String> PLACES = new TreeMap<>();
    static Path precinct;
    static PrecinctDayFiles day;
    static Path otherPrecinct;
    static Path otherAuthority;
    static Path kioskBundle;

    @BeforeAll
    static void world() throws Exception {
        world = ThreatWorld.create(root);
        String passphrase = world.passphrase.toString();
        Path nodes = root.resolve("nodes");
        for (String[] node : new String[][] {{"kiosk-1", "kiosk", "101"}, {"kiosk-2", "kiosk", "101"},
            {"kiosk-9", "kiosk", "102"}}) {
            ThreatWorld.succeed(concat(new String[] {"node", "init", "--dir", nodes.resolve(node[0]).toString(),
                "--name", node[0], "--role", node[1], "--precinct", node[2], "--passphrase-file", passphrase}, CHEAP));
        }
        certify("kiosk-2", "101", world.authority, root.resolve("kiosk-2.crt.pem"));
        certify("kiosk-9", "102", world.authority, root.resolve("kiosk-9.crt.pem"));
        ThreatWorld.succeed("node", "install", "--dir", nodes.resolve("kiosk-2").toString(), "--certificate",
                root.resolve("kiosk-2.crt.pem").toString(), "--authority-cert", world.authorityCertificateFile.toString(),
                "--passphrase-file", passphrase);
        // Another authority of the same name (a forger's), and kiosk-1's request certified by it.
        AuthorityCredentials forger = AuthorityCredentials.generate("Test authority (DEMO)", RegisterFixtures.CLOCK,
                Duration.ofDays(30), RegisterFixtures.RANDOM);
        assertEquals(RegisterFixtures.authority().certificate().getSubjectX500Principal(),
                forger.certificate().getSubjectX500Principal(), "fixture: the forger's authority has the same name");
        otherAuthority = root.resolve("other-authority");
        forger.save(otherAuthority, RegisterFixtures.PASSPHRASE, Argon2idParameters.TEST_ONLY, RegisterFixtures.RANDOM);
        certify("kiosk-1", "101", otherAuthority, root.resolve("kiosk-1-other.crt.pem"));
        // kiosk-1's request certified by the authority, but for a day that ended a month ago.
        Files.write(root.resolve("kiosk-1-expired.crt.pem"), Pem.certificate(NodeCertificates.certify(
                RegisterFixtures.authority(), Files.readAllBytes(nodes.resolve("kiosk-1/node.csr.pem")),
                new PrecinctId(101), Clock.fixed(RegisterFixtures.CLOCK.instant().minus(Duration.ofDays(30)),
                        ZoneOffset.UTC), Duration.ofDays(1), RegisterFixtures.RANDOM)));
        Path fifo = root.resolve("a-pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "this test needs mkfifo");
        Files.createDirectories(root.resolve("a-directory"));
        Path hugeRequest = work.resolve("node.csr.pem");
        try (RandomAccessFile sparse = new RandomAccessFile(hugeRequest.toFile(), "rw")) {
            sparse.setLength(1536L << 20);
        }
        PLACES.putAll(Map.of("{A}", world.authority.toString(), "{P}", passphrase, "{NODES}", nodes.toString(),
                "{ACERT}", world.authorityCertificateFile.toString(), "{OUT}", root.resolve("out").toString(),
                "{FIFO}", fifo.toString(), "{D}", root.resolve("a-directory").toString(),
                "{HUGE}", hugeRequest.toString(), "{OTHER}", otherAuthority.toString(), "{K}", world.kiosk.toString()));
        PLACES.put("{ROOT}", root.toString());
        // The precinct's honest day, one of another precinct, and one whose nodes another authority certified.
        precinct = work.resolve("precinct-101");
        day = PrecinctDayFiles.write(precinct, RegisterFixtures.authority(), new PrecinctId(101));
        otherPrecinct = work.resolve("precinct-102");
        PrecinctDayFiles.write(otherPrecinct, RegisterFixtures.authority(), new PrecinctId(102));
        PrecinctDayFiles.write(work.resolve("precinct-101-forged"), forger, new PrecinctId(101));
        // The honest day with kiosk-2's signature a sparse file of 2 GB.
        Path bigSignature = PrecinctDayFiles.copy(precinct, work.resolve("precinct-101-big-p7s"));
        try (RandomAccessFile sparse = new RandomAccessFile(PrecinctDayFiles.signature(bigSignature, "kiosk-2")
                .toFile(), "rw")) {
            sparse.setLength(2L << 30);
        }
        PLACES.put("{BIGSIG}", bigSignature.toString());
        // A kiosk's own closed day.
        try (DayFixture kiosk = DayFixture.open(work.resolve("kiosk-day"), 12)) {
            kiosk.simulate(6);
            kioskBundle = work.resolve("kiosk-day-bundle").resolve("day.json");
            Files.createDirectories(kioskBundle.getParent());
            kiosk.close(kioskBundle);
        }
    }

    private static void certify(String node, String precinctNumber, Path authority, Path out) {
        ThreatWorld.succeed("authority", "certify-node", "--authority", authority.toString(), "--request",
                root.resolve("nodes").resolve(node).resolve("node.csr.pem").toString(), "--precinct", precinctNumber,
                "--out", out.toString(), "--passphrase-file", world.passphrase.toString());
    }

    static Stream<BadInvocationsIT.Bad> refusedCommands() {
        List<BadInvocationsIT.Bad> all = new ArrayList<>();
        String[] certify = {"authority", "certify-node", "--authority", "{A}", "--request",
            "{NODES}/kiosk-1/node.csr.pem", "--precinct", "101", "--out", "{OUT}-k1.pem", "--passphrase-file", "{P}"};
        String would = "cli.error.wouldOverwrite";
        // Outputs that replaced what they must never replace (broken before this pass).
        all.add(bad("certify-node --out the authority's sealed key", would, with(certify, "--out",
                "{A}/authority-key.sealed")));
        all.add(bad("certify-node --out a new file in the authority directory", would, with(certify, "--out",
                "{A}/node.crt.pem")));
        all.add(bad("certify-node --out the node's own request", would, with(certify, "--out",
                "{NODES}/kiosk-1/node.csr.pem")));
        all.add(bad("certify-node --out the node's sealed key", would, with(certify, "--out",
                "{NODES}/kiosk-2/node-key.sealed")));
        all.add(bad("certify-node --out the passphrase file", would, with(certify, "--out", "{P}")));
        all.add(bad("certify-node --out a named pipe", "cli.error.notRegularFile", with(certify, "--out", "{FIFO}")));
        all.add(bad("certify-node --out a directory", "cli.error.isDirectory", with(certify, "--out", "{D}")));
        all.add(bad("certify-node --out in a missing directory", "cli.error.noDirectory", with(certify, "--out",
                "{ROOT}/no-such-dir/k.pem")));
        all.add(bad("certify-node --authority not an authority", "authority.error.notFound", with(certify,
                "--authority", "{NODES}/kiosk-2")));
        all.add(bad("certify-node --request a named pipe", "cli.error.notRegularFile", with(certify, "--request",
                "{FIFO}")));
        // Requests and certificates of the wrong kind, size, precinct or authority (these held).
        all.add(bad("certify-node --request of 1.5 GB", "cli.error.fileTooLarge", with(certify, "--request",
                "{HUGE}")));
        all.add(bad("certify-node --request a certificate", "crypto.error.requestFormat", with(certify,
                "--request", "{ROOT}/kiosk-2.crt.pem")));
        all.add(bad("certify-node --request a kiosk's request (RSA, no node subject)", "node.error.badRequest",
                with(certify, "--request", "{K}/kiosk.csr.pem")));
        all.add(bad("certify-node --request of precinct 102 for precinct 101", "node.error.otherPrecinct",
                with(certify, "--request", "{NODES}/kiosk-9/node.csr.pem")));
        all.add(bad("certify-node --validity-days 0", "node.error.validity", concat(certify, "--validity-days",
                "0")));
        all.add(bad("certify-node --validity-days 2147483647", "node.error.validity", concat(certify,
                "--validity-days", "2147483647")));
        all.add(bad("certify-node with a wrong passphrase", "crypto.error.wrongPassphrase",
                with(certify, "--passphrase-file", "{ROOT}/wrong-passphrase.txt")));
        String[] install = {"node", "install", "--dir", "{NODES}/kiosk-1", "--certificate",
            "{ROOT}/kiosk-1-other.crt.pem", "--authority-cert", "{ACERT}", "--passphrase-file", "{P}"};
        all.add(bad("node install a certificate of another authority of the same name", "node.error.uncertified",
                install));
        String[] installKiosk2 = with(with(install, "--certificate", "{ROOT}/kiosk-2.crt.pem"), "--dir",
                "{NODES}/kiosk-2");
        all.add(bad("node install pinning another authority", "node.error.uncertified", with(installKiosk2,
                "--authority-cert", "{OTHER}/authority.crt.pem")));
        all.add(bad("node install pinning a node's certificate as the authority", "kiosk.error.authorityNotCa",
                with(installKiosk2, "--authority-cert", "{ROOT}/kiosk-2.crt.pem")));
        all.add(bad("node install an expired certificate", "node.error.certificateTime", with(install,
                "--certificate", "{ROOT}/kiosk-1-expired.crt.pem")));
        all.add(bad("node install another node's certificate", "node.error.certificateMismatch", with(install,
                "--certificate", "{ROOT}/kiosk-2.crt.pem")));
        all.add(bad("node install a node certificate of precinct 102", "node.error.certificateMismatch",
                with(install, "--certificate", "{ROOT}/kiosk-9.crt.pem")));
        all.add(bad("node install the authority's certificate as the node's", "node.error.notNodeCertificate",
                with(install, "--certificate", "{ACERT}")));
        all.add(bad("node install a kiosk's package certificate as the node's", "node.error.notNodeCertificate",
                with(install, "--certificate", "{K}/kiosk.crt.pem")));
        all.add(bad("node install into a directory without a node key", "node.error.notInitialised", with(install,
                "--dir", "{D}")));
        all.add(bad("node install a named pipe as the certificate", "cli.error.notRegularFile", with(install,
                "--certificate", "{FIFO}")));
        all.add(bad("node init --dir a file", "cli.error.notDirectory", concat(new String[] {"node", "init", "--dir",
            "{ACERT}", "--name", "kiosk-3", "--role", "kiosk", "--precinct", "101", "--passphrase-file", "{P}"},
                CHEAP)));
        all.add(bad("node init over a node", "node.error.exists", concat(new String[] {"node", "init", "--dir",
            "{NODES}/kiosk-2", "--name", "kiosk-2", "--role", "kiosk", "--precinct", "101", "--passphrase-file",
            "{P}"}, CHEAP)));
        // The precinct's token keys: their output replaced a sealed key or the passphrase file (broken before).
        String[] tokenKey = {"authority", "token-key", "--authority", "{A}", "--election", "KZ-2026-TEST",
            "--precinct", "101", "--kiosk-cert", "{K}/kiosk.crt.pem", "--out", "{OUT}-t.p7m", "--passphrase-file",
            "{P}"};
        all.add(bad("token-key --out the kiosk's sealed keys", would, with(tokenKey, "--out",
                "{K}/kiosk-keys.sealed")));
        all.add(bad("token-key --out the passphrase file", would, with(tokenKey, "--out", "{P}")));
        all.add(bad("token-key --out a node certificate", would, with(tokenKey, "--out", "{ROOT}/kiosk-2.crt.pem")));
        all.add(bad("token-key --kiosk-cert a node certificate of precinct 102", "authority.error.precinctMismatch",
                with(tokenKey, "--kiosk-cert", "{ROOT}/kiosk-9.crt.pem")));
        String[] deskKey = {"authority", "desk-key", "--authority", "{A}", "--election", "KZ-2026-TEST",
            "--precinct", "101", "--out", "{OUT}-desk.key", "--desk-passphrase-file", "{P}", "--passphrase-file",
            "{P}"};
        all.add(bad("desk-key --out a node's sealed key", would, with(deskKey, "--out",
                "{NODES}/kiosk-2/node-key.sealed")));
        all.add(bad("desk-key --out the passphrase file", would, with(deskKey, "--out", "{P}")));
        all.add(bad("desk-key --out a node certificate", would, with(deskKey, "--out",
                "{ROOT}/kiosk-2.crt.pem")));
        all.add(bad("bundle verify --precinct with a node's .p7s of 2 GB", "bundle.error.tooLarge", "bundle",
                "verify", "--precinct", "{BIGSIG}", "--authority-cert", "{ACERT}"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCommands")
    void aBadCertificateKeyOrBundleInputIsRefusedInOneKeyedLineAndChangesNothing(BadInvocationsIT.Bad bad) throws Exception {
        BadInvocationsIT.assertRefused(bad, root, BadInvocationsIT.substitute(bad.args(), PLACES));
    }

    /** One alteration of the precinct's end-of-day directory, and words of the check that must fail. */
    record Alteration(String what, String failure, Altering altering) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** Alters a copy of the honest directory. */
    interface Altering {
        void alter(Path directory) throws Exception;
    }

    static Stream<Alteration> precinctAlterations() {
        List<Alteration> all = new ArrayList<>();
        all.add(new Alteration("a count edited, the node's signature kept", "does not match",
                d -> edit(d, "kiosk-2", text -> text.replaceFirst("fingerprint=2", "fingerprint=1"), false)));
        all.add(new Alteration("a count edited and re-signed with the node's own key", "differs",
                d -> edit(d, "kiosk-2", text -> text.replaceFirst("fingerprint=2", "fingerprint=1"), true)));
        all.add(new Alteration("two voter lines swapped and re-signed", "differs",
                d -> edit(d, "kiosk-2", HostileNetworkIT::swapFirstTwoVoters, true)));
        all.add(new Alteration("two voter lines swapped and re-signed by every node", "canonical order",
                d -> {
                    for (String node : PrecinctDayFiles.NODES) {
                        edit(d, node, HostileNetworkIT::swapFirstTwoVoters, true);
                    }
                }));
        all.add(new Alteration("a voter line duplicated and re-signed by every node", "listed twice",
                d -> {
                    for (String node : PrecinctDayFiles.NODES) {
                        edit(d, node, text -> text.replaceFirst("(?m)^(voter .*\\n)", "$1$1"), true);
                    }
                }));
        all.add(new Alteration("the seal removed and re-signed by every node", "not sealed",
                d -> {
                    for (String node : PrecinctDayFiles.NODES) {
                        edit(d, node, text -> text.replace("\nsealed 1\n", "\nsealed 0\n"), true);
                    }
                }));
        all.add(new Alteration("the bundle truncated mid-line", "not a precinct bundle",
                d -> truncate(PrecinctDayFiles.bundle(d, "kiosk-2"), 0.6)));
        all.add(new Alteration("the bundle truncated mid-line and re-signed", "not a precinct bundle",
                d -> edit(d, "kiosk-2", text -> text.substring(0, text.length() * 3 / 5), true)));
        all.add(new Alteration("the format line of another version, re-signed", "not a precinct bundle",
                d -> edit(d, "kiosk-2", text -> text.replace("sailau-precinct-bundle-v3", "sailau-precinct-bundle-v2"),
                        true)));
        all.add(new Alteration("kiosk-2's bundle of another precinct (signed by its node)", "precinct 102",
                d -> nodeFilesOf(otherPrecinct, d, "kiosk-2")));
        all.add(new Alteration("kiosk-2's bundle signed by a node another authority certified", "authority",
                d -> nodeFilesOf(work.resolve("precinct-101-forged"), d, "kiosk-2")));
        all.add(new Alteration("kiosk-2's .p7s swapped with kiosk-1's", "does not match",
                d -> Files.copy(PrecinctDayFiles.signature(precinct, "kiosk-1"), PrecinctDayFiles.signature(d,
                        "kiosk-2"), StandardCopyOption.REPLACE_EXISTING)));
        all.add(new Alteration("kiosk-2's .p7s deleted", "is missing",
                d -> Files.delete(PrecinctDayFiles.signature(d, "kiosk-2"))));
        all.add(new Alteration("kiosk-2's bundle and .p7s deleted", "no bundle from kiosk-2",
                d -> {
                    Files.delete(PrecinctDayFiles.bundle(d, "kiosk-2"));
                    Files.delete(PrecinctDayFiles.signature(d, "kiosk-2"));
                }));
        all.add(new Alteration("desk-1's bundle text signed by kiosk-2 as kiosk-2's", "but is signed by kiosk-2",
                d -> {
                    byte[] desk = Files.readAllBytes(PrecinctDayFiles.bundle(d, "desk-1"));
                    Files.write(PrecinctDayFiles.bundle(d, "kiosk-2"), desk);
                    Files.write(PrecinctDayFiles.signature(d, "kiosk-2"), day.signer("kiosk-2").sign(desk));
                }));
        all.add(new Alteration("a byte appended to kiosk-2's .p7s", "after its CMS structure",
                d -> Files.write(PrecinctDayFiles.signature(d, "kiosk-2"), new byte[] {0},
                        StandardOpenOption.APPEND)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precinctAlterations")
    void everyAlterationOfThePrecinctsBundlesFailsTheirVerification(Alteration alteration) throws Exception {
        Path copy = alteredCopy("altered-", alteration);
        assertNotVerified(verifyPrecinct(copy), alteration.what(), alteration.failure());
    }

    /** A copy of the honest precinct directory, altered. */
    private Path alteredCopy(String prefix, Alteration alteration) throws Exception {
        Path copy = PrecinctDayFiles.copy(precinct, work.resolve(prefix + alteration.what().replaceAll(
                "[^A-Za-z0-9]+", "-")));
        alteration.altering().alter(copy);
        return copy;
    }

    private ThreatWorld.Run verifyPrecinct(Path directory) {
        return ThreatWorld.run("bundle", "verify", "--precinct", directory.toString(), "--authority-cert",
                world.authorityCertificateFile.toString());
    }

    /** A node's file replaced by something that is no regular file: the whole directory is refused, naming it. */
    static Stream<Alteration> irregularFiles() {
        List<Alteration> all = new ArrayList<>();
        all.add(new Alteration("kiosk-2's .p7s a folder", "kiosk-2.bundle.p7s",
                d -> folderInPlaceOf(PrecinctDayFiles.signature(d, "kiosk-2"))));
        all.add(new Alteration("kiosk-2's bundle a folder", "kiosk-2.bundle",
                d -> folderInPlaceOf(PrecinctDayFiles.bundle(d, "kiosk-2"))));
        all.add(new Alteration("kiosk-2's bundle a named pipe", "kiosk-2.bundle",
                d -> {
                    Files.delete(PrecinctDayFiles.bundle(d, "kiosk-2"));
                    assertEquals(0, new ProcessBuilder("mkfifo", PrecinctDayFiles.bundle(d, "kiosk-2").toString())
                            .start().waitFor());
                }));
        all.add(new Alteration("kiosk-2's bundle and .p7s symbolic links to kiosk-1's", "kiosk-2.bundle, "
                + "kiosk-2.bundle.p7s",
                d -> {
                    Files.delete(PrecinctDayFiles.bundle(d, "kiosk-2"));
                    Files.delete(PrecinctDayFiles.signature(d, "kiosk-2"));
                    Files.createSymbolicLink(PrecinctDayFiles.bundle(d, "kiosk-2"), PrecinctDayFiles.bundle(d,
                            "kiosk-1"));
                    Files.createSymbolicLink(PrecinctDayFiles.signature(d, "kiosk-2"), PrecinctDayFiles.signature(d,
                            "kiosk-1"));
                }));
        return all.stream();
    }

    /**
     * Such a file used to be passed over, so the node showed only as "no bundle from kiosk-2" or its signature as
     * missing; {@code bundle verify --precinct} refuses the directory in one line naming it, before it reads any
     * bundle.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("irregularFiles")
    void aNodeFileThatIsNoRegularFileIsRefusedByName(Alteration alteration) throws Exception {
        Path copy = alteredCopy("irregular-", alteration);
        ThreatWorld.Run run = verifyPrecinct(copy);
        assertEquals(1, run.exit(), alteration.what() + "\n" + run.out() + run.err());
        assertEquals("", run.out(), alteration.what() + ": nothing is verified");
        assertEquals(List.of("error [bundle.error.notAFile]: " + alteration.failure() + " in " + copy
                + (alteration.failure().contains(",") ? " are" : " is") + " no regular file (a folder, a link, a "
                + "named pipe or a device): copy each node's files as its node wrote them"), run.errLines(),
                alteration.what());
    }

    /**
     * The control: on the honest directory every check passes but the kiosks' own logs, which this fixture does not
     * hold (their join is {@code precinct.PrecinctKioskLogsIT}'s); so each alteration above fails a check of its own.
     */
    @Test
    void aNodeWhoseInstalledCertificateHasExpiredIsToldSoBeforeItsPassphraseIsAsked() throws Exception {
        // node run, token desk and clerk-station check it before the passphrase: else the node would only show as
        // cut off, its peers refusing the certificate in the TLS handshake.
        Path node = Files.createDirectories(root.resolve("expired-node"));
        Files.copy(root.resolve("kiosk-1-expired.crt.pem"), node.resolve(NodeCredentials.CERTIFICATE_FILE));
        CliException refused = assertThrows(CliException.class,
                () -> NodeCommands.installedCertificateValidNow(node, RegisterFixtures.CLOCK));
        assertEquals("node.error.certificateTime", refused.messageKey());
        assertTrue(refused.getMessage().startsWith("the installed node certificate " + node.resolve(
                NodeCredentials.CERTIFICATE_FILE) + " is valid from "), refused.getMessage());
        Path installed = root.resolve("nodes").resolve("kiosk-2");
        NodeCommands.installedCertificateValidNow(installed, RegisterFixtures.CLOCK);
        assertTrue(Files.isRegularFile(installed.resolve(NodeCredentials.CERTIFICATE_FILE)), "a valid one passes");
    }

    @Test
    void theHonestPrecinctDayFailsOnlyForTheKiosksOwnLogsItDoesNotHold() {
        ThreatWorld.Run run = ThreatWorld.run("bundle", "verify", "--precinct", precinct.toString(),
                "--authority-cert", world.authorityCertificateFile.toString());
        List<String> failed = run.out().lines().filter(l -> l.startsWith("FAILED\t")).toList();
        assertEquals(2, failed.size(), run.out());
        assertTrue(failed.stream().allMatch(l -> l.startsWith(KIOSK_LOG)), run.out());
        assertTrue(run.out().lines().filter(l -> l.startsWith("ok\t")).count() >= 12, run.out());
        assertClean(run, "the honest day");
    }

    /** The checks of the kiosks' own day bundles, which the fixture leaves out. */
    private static final String KIOSK_LOG = "FAILED\tkiosk log ";

    /**
     * A node's {@code .p7s} that verifies by the CMS rules but is not the canonical form its node writes fails
     * {@code bundle verify --precinct}: the form is fixed, so the signature file is exactly what was signed.
     */
    @Test
    void aNodeSignatureNotInItsCanonicalFormFailsThePrecinctVerification() throws Exception {
        byte[] bundle = Files.readAllBytes(PrecinctDayFiles.bundle(precinct, "kiosk-2"));
        byte[] signature = Files.readAllBytes(PrecinctDayFiles.signature(precinct, "kiosk-2"));
        Map<String, byte[]> forms = nonCanonical(bundle, signature);
        assertEquals(4, forms.size(), forms.keySet().toString());
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            Path copy = PrecinctDayFiles.copy(precinct, work.resolve("node-p7s-" + form.getKey().replaceAll(
                    "[^A-Za-z0-9]+", "-")));
            Files.write(PrecinctDayFiles.signature(copy, "kiosk-2"), form.getValue());
            ThreatWorld.Run run = ThreatWorld.run("bundle", "verify", "--precinct", copy.toString(),
                    "--authority-cert", world.authorityCertificateFile.toString());
            assertNotVerified(run, form.getKey(), "not in the canonical DER form");
        }
    }

    /**
     * A kiosk's {@code .p7s} that verifies by the CMS rules but is not in its canonical form fails both verifiers of
     * a kiosk's bundle alike, with and without {@code --authority-cert}: before, each verified without it, and the
     * extra certificate and the unsigned attribute also with it.
     */
    @Test
    void aKioskSignatureNotInItsCanonicalFormFailsBothVerifiersWithAndWithoutTheAuthority() throws Exception {
        byte[] json = Files.readAllBytes(kioskBundle);
        byte[] signature = Files.readAllBytes(signatureOf(kioskBundle));
        for (String tail : List.of("", "--authority-cert")) {
            for (String command : List.of("audit", "bundle")) {
                ThreatWorld.Run genuine = verifyKioskBundle(command, kioskBundle, tail);
                assertEquals(0, genuine.exit(), command + " " + tail + ": the genuine bundle\n" + genuine.out()
                        + genuine.err());
            }
        }
        Map<String, byte[]> forms = nonCanonical(json, signature);
        assertEquals(3, forms.size(), "RSA has no (r, n - s): " + forms.keySet());
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            Path copy = work.resolve("kiosk-p7s-" + form.getKey().replaceAll("[^A-Za-z0-9]+", "-")).resolve("day.json");
            Files.createDirectories(copy.getParent());
            Files.copy(kioskBundle, copy);
            Files.copy(kioskBundle.resolveSibling("day.json" + MarkedRegisterBackup.FILE_SUFFIX),
                    copy.resolveSibling("day.json" + MarkedRegisterBackup.FILE_SUFFIX));
            Files.write(signatureOf(copy), form.getValue());
            for (String tail : List.of("", "--authority-cert")) {
                for (String command : List.of("audit", "bundle")) {
                    ThreatWorld.Run run = verifyKioskBundle(command, copy, tail);
                    String what = command + " verify " + form.getKey() + (tail.isEmpty() ? "" : " with " + tail);
                    assertEquals(1, run.exit(), what + "\n" + run.out() + run.err());
                    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAILED\tsignature\t")
                            && l.contains("not in the canonical DER form")
                            && l.endsWith("[bundle.check.signatureUnreadable]")), what + "\n" + run.out());
                    assertClean(run, what);
                }
            }
        }
    }

    /**
     * The ballot desk's redeem path, typed and scanned, through {@code token redeem} into one ledger: the genuine code
     * is accepted once; the same code again, its QR form, a code with one symbol changed, both forms of a code of
     * another precinct and a QR with its signature changed are refused, and the ledger's file is the same afterwards.
     */
    @Test
    void theBallotDeskRedeemsAGenuineCodeOnceAndRefusesReplayedForgedAndForeignOnes() throws Exception {
        Ed25519TokenKeys kioskKey = Ed25519TokenKeys.generate(new SecureRandom());   // test key
        PrecinctId here = new PrecinctId(101);
        Path deskDirectory = work.resolve("desk-101");
        BallotDesk desk = BallotDesk.write(deskDirectory, kioskKey, RegisterFixtures.ELECTION, here);
        PreparedToken genuine = BallotDesk.kioskIssuer(kioskKey, RegisterFixtures.ELECTION, here).prepare();
        PreparedToken another = BallotDesk.kioskIssuer(kioskKey, RegisterFixtures.ELECTION, here).prepare();
        PreparedToken foreign = BallotDesk.kioskIssuer(kioskKey, RegisterFixtures.ELECTION, new PrecinctId(102))
                .prepare();
        String typed = genuine.token().humanCode();
        String qr = another.token().qrPayload();
        Path ledger = deskDirectory.resolve("redeemed.db");
        ThreatWorld.Run first = ThreatWorld.run(desk.command("redeem", List.of("--ledger", ledger.toString()),
                List.of(typed)));
        assertEquals(0, first.exit(), first.out() + first.err());
        assertEquals("ACCEPTED " + genuine.id() + " typed", first.out().strip());
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("the typed code again", typed);
        refused.put("its QR form after the typed one", genuine.token().qrPayload());
        refused.put("one symbol of the typed code changed", (typed.charAt(0) == 'A' ? "B" : "A") + typed.substring(1));
        refused.put("a typed code of precinct 102", foreign.token().humanCode());
        refused.put("a QR of precinct 102", foreign.token().qrPayload());
        refused.put("a QR whose last symbol was changed", qr.substring(0, qr.length() - 1)
                + (qr.endsWith("A") ? "B" : "A"));
        TreeMap<String, String> before = ThreatWorld.snapshot(deskDirectory);
        for (Map.Entry<String, String> code : refused.entrySet()) {
            ThreatWorld.Run run = ThreatWorld.run(desk.command("redeem", List.of("--ledger", ledger.toString()),
                    List.of(code.getValue())));
            assertEquals(1, run.exit(), code.getKey() + ": " + run.out() + run.err());
            assertTrue(run.out().startsWith("REFUSED "), code.getKey() + ": " + run.out());
            assertClean(run, code.getKey());
            assertEquals(before, ThreatWorld.snapshot(deskDirectory), code.getKey() + ": the ledger changed");
        }
    }

    private static ThreatWorld.Run verifyKioskBundle(String command, Path bundle, String tail) {
        List<String> args = new ArrayList<>(List.of(command, "verify", bundle.toString()));
        if (!tail.isEmpty()) {
            args.addAll(List.of(tail, world.authorityCertificateFile.toString()));
        }
        return ThreatWorld.run(args.toArray(String[]::new));
    }

    /**
     * Forms of a canonical detached signature of {@code data} that verify by the CMS rules alone (checked here, so
     * that each case tests the canonical form, not a broken signature): BER lengths, an unsigned attribute added, the
     * authority's certificate added, and for an ECDSA signer {@code (r, n - s)}.
     */
    private static Map<String, byte[]> nonCanonical(byte[] data, byte[] signature) throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(data), signature);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        X509Certificate certificate = KioskSignatures.signerCertificate(signature);
        Map<String, byte[]> forms = new LinkedHashMap<>();
        ASN1Sequence outer = ASN1Sequence.getInstance(signature);
        forms.put("BER indefinite lengths", new BERSequence(new ASN1Encodable[] {outer.getObjectAt(0),
            new BERTaggedObject(true, 0, ASN1TaggedObject.getInstance(outer.getObjectAt(1)).getExplicitBaseObject())})
                .getEncoded(ASN1Encoding.BER));
        Attribute added = new Attribute(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"),
                new DERSet(new DERUTF8String("added after signing")));
        forms.put("an unsigned attribute added", CMSSignedData.replaceSigners(signed, new SignerInformationStore(
                SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(added))))
                .toASN1Structure().getEncoded(ASN1Encoding.DER));
        forms.put("the authority's certificate added", CMSSignedData.replaceCertificatesAndCRLs(signed,
                new JcaCertStore(List.of(certificate, RegisterFixtures.authority().certificate())), null, null)
                .toASN1Structure().getEncoded(ASN1Encoding.DER));
        if (certificate.getPublicKey() instanceof ECPublicKey key) {
            SignedData content = SignedData.getInstance(signed.toASN1Structure().getContent());
            SignerInfo info = SignerInfo.getInstance(content.getSignerInfos().getObjectAt(0));
            ASN1Sequence pair = ASN1Sequence.getInstance(info.getEncryptedDigest().getOctets());
            BigInteger highS = key.getParams().getOrder().subtract(ASN1Integer.getInstance(pair.getObjectAt(1))
                    .getPositiveValue());
            SignerInfo high = new SignerInfo(info.getSID(), info.getDigestAlgorithm(), info.getAuthenticatedAttributes(),
                    info.getDigestEncryptionAlgorithm(), new DEROctetString(new DERSequence(new ASN1Encodable[] {
                        pair.getObjectAt(0), new ASN1Integer(highS)}).getEncoded(ASN1Encoding.DER)), null);
            forms.put("ECDSA (r, n - s)", new ContentInfo(CMSObjectIdentifiers.signedData, new SignedData(
                    content.getDigestAlgorithms(), content.getEncapContentInfo(), content.getCertificates(),
                    content.getCRLs(), new DERSet(high))).getEncoded(ASN1Encoding.DER));
        }
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            assertFalse(Arrays.equals(signature, form.getValue()), form.getKey() + ": the same bytes");
            SignerInformation formSigner = new CMSSignedData(new CMSProcessableByteArray(data), form.getValue())
                    .getSignerInfos().getSigners().iterator().next();
            assertTrue(formSigner.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)),
                    form.getKey() + ": not a valid signature, so it tests nothing");
        }
        return forms;
    }

    /** Exit 1, a verdict that names the failure, a FAILED line holding {@code failure}, no error line or trace. */
    private static void assertNotVerified(ThreatWorld.Run run, String what, String failure) {
        assertEquals(1, run.exit(), what + "\n" + run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("precinct bundle NOT verified: "), what + "\n" + run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FAILED\t") && !l.startsWith(KIOSK_LOG)
                        && l.contains(failure)),
                what + ": no FAILED line with '" + failure + "'\n" + run.out());
        assertClean(run, what);
    }

    private static void assertClean(ThreatWorld.Run run, String what) {
        assertTrue(run.err().isEmpty(), what + ": " + run.err());
        String all = run.out() + run.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("bouncycastle"),
                what + ": an exception leaked\n" + all);
    }

    private static void edit(Path directory, String node, UnaryOperator<String> edit, boolean resign)
            throws IOException {
        Path file = PrecinctDayFiles.bundle(directory, node);
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = edit.apply(before);
        assertFalse(before.equals(after), "fixture: the edit changed nothing in " + node);
        byte[] bytes = after.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        if (resign) {
            Files.write(PrecinctDayFiles.signature(directory, node), day.signer(node).sign(bytes));
        }
    }

    private static String swapFirstTwoVoters(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int first = -1;
        for (int i = 0; i < lines.size() && first < 0; i++) {
            if (lines.get(i).startsWith("voter ")) {
                first = i;
            }
        }
        String swapped = lines.get(first);
        lines.set(first, lines.get(first + 1));
        lines.set(first + 1, swapped);
        return String.join("\n", lines) + "\n";
    }

    /** Deletes {@code file} and makes a folder of its name in its place. */
    private static void folderInPlaceOf(Path file) throws IOException {
        Files.delete(file);
        Files.createDirectory(file);
    }

    /** Puts {@code node}'s bundle and {@code .p7s} from the directory {@code from} in the place of its own in {@code to}. */
    private static void nodeFilesOf(Path from, Path to, String node) throws IOException {
        Files.copy(PrecinctDayFiles.bundle(from, node), PrecinctDayFiles.bundle(to, node),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(PrecinctDayFiles.signature(from, node), PrecinctDayFiles.signature(to, node),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void truncate(Path file, double share) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * share)));
    }

    private static Path signatureOf(Path bundle) {
        return bundle.resolveSibling(bundle.getFileName() + DayBundle.SIGNATURE_SUFFIX);
    }

    private static BadInvocationsIT.Bad bad(String what, String key, String... args) {
        return new BadInvocationsIT.Bad(what, 1, key, args);
    }

    private static String[] with(String[] args, String option, String value) {
        return BadInvocationsIT.with(args, option, value);
    }

    private static String[] concat(String[] first, String... more) {
        return BadInvocationsIT.concat(first, more);
    }
}
