package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.VoterCsvReader;
import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threat: someone hands a command a hostile file where it expects a small one: a certificate, request, key or
 * bundle that is huge (a sparse file of 1.5 GB costs nothing on disk but was read whole into memory, seconds and
 * gigabytes later), a certificate file that holds a second certificate (which one the kiosk pins or trusts was left
 * to the order in the file), or a desk ledger that is an empty or foreign file. Each is refused before it is read
 * whole, as {@link BadInvocationsIT} requires of every refusal: one line with its key, no stack trace, nothing left
 * behind. The attempts that already held are listed in {@code docs/threat-model.md} ("Hostile files").
 */
class HostileFilesIT {

    @TempDir
    static Path root;
    /** Outside {@link #root}, whose snapshot hashes every file: it holds the sparse files. */
    @TempDir
    static Path huge;
    static ThreatWorld world;
    static final Map<String, String> PLACES = new TreeMap<>();

    @BeforeAll
    static void world() throws Exception {
        world = ThreatWorld.create(root);
        Path srp = world.registerPackage("v1.srp", 2, 1);
        Path authority = world.authorityCertificateFile;
        Path kiosk = world.kioskCertificateFile;
        Path twoCertificates = root.resolve("authority-and-another.pem");
        Files.write(twoCertificates, concat(Files.readAllBytes(authority), Files.readAllBytes(kiosk)));
        Path kioskAndAuthority = root.resolve("kiosk-and-authority.pem");
        Files.write(kioskAndAuthority, concat(Files.readAllBytes(kiosk), Files.readAllBytes(authority)));
        Path requestAndCertificate = root.resolve("request-and-certificate.pem");
        Files.write(requestAndCertificate, concat(Files.readAllBytes(world.kiosk.resolve("kiosk.csr.pem")),
                Files.readAllBytes(kiosk)));
        Path emptyLedger = Files.createFile(root.resolve("desk.db"));
        Path notABundle = Files.writeString(root.resolve("day.bundle"), "{}");
        Path voters = Files.writeString(root.resolve("voters.csv"), VoterCsvReader.HEADER + "\n");
        Path prints = Files.createDirectories(root.resolve("prints"));
        byte[] key = new byte[32];
        RegisterFixtures.RANDOM.nextBytes(key);
        Path publicKey = Files.writeString(root.resolve("kiosk-token.pub"), Base64.getEncoder().encodeToString(key));
        PLACES.putAll(Map.of("{A}", world.authority.toString(), "{K}", world.kiosk.toString(),
                "{P}", world.passphrase.toString(), "{ACERT}", authority.toString(), "{CERT}", kiosk.toString(),
                "{SRP}", srp.toString(), "{OUT}", root.resolve("out").toString(), "{CSV}", voters.toString(),
                "{PRINTS}", prints.toString(), "{PUB}", publicKey.toString()));
        PLACES.putAll(Map.of("{TWO}", twoCertificates.toString(), "{KTWO}", kioskAndAuthority.toString(),
                "{CSRTWO}", requestAndCertificate.toString(), "{EMPTYDB}", emptyLedger.toString(),
                "{NOTBUNDLE}", notABundle.toString(), "{HUGE}", sparse("certificate.pem", 1536L << 20).toString(),
                "{HUGE2G}", sparse("day.bundle", 2L << 30).toString()));
    }

    /** A sparse file: its length on the directory listing, no blocks on the disk. */
    private static Path sparse(String name, long length) throws IOException {
        Path file = huge.resolve(name);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(length);
        }
        return file;
    }

    static Stream<BadInvocationsIT.Bad> hostileFiles() {
        List<BadInvocationsIT.Bad> all = new ArrayList<>();
        String tooLarge = "cli.error.fileTooLarge";
        // A huge certificate, request, key or bundle: refused by its size before a byte is read.
        all.add(new BadInvocationsIT.Bad("kiosk init --authority-cert 1.5 GB", 1, tooLarge, "kiosk", "init",
                "--data", "{OUT}/k1", "--precinct", "101", "--authority-cert", "{HUGE}", "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("register inspect --authority-cert 1.5 GB", 1, tooLarge, "register",
                "inspect", "{SRP}", "--authority-cert", "{HUGE}"));
        all.add(new BadInvocationsIT.Bad("register build --kiosk-cert 1.5 GB", 1, tooLarge, "register", "build",
                "--voters", "{CSV}", "--prints", "{PRINTS}", "--authority", "{A}", "--kiosk-cert", "{HUGE}",
                "--election", "KZ-2026-TEST", "--precinct", "101", "--version", "2", "--out", "{OUT}.srp",
                "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("certify-kiosk --request 1.5 GB", 1, tooLarge, "authority",
                "certify-kiosk", "--authority", "{A}", "--request", "{HUGE}", "--out", "{OUT}-k.pem",
                "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("token-key --kiosk-cert 1.5 GB", 1, tooLarge, "authority", "token-key",
                "--authority", "{A}", "--election", "KZ-2026-TEST", "--precinct", "101", "--kiosk-cert", "{HUGE}",
                "--out", "{OUT}-t.p7m", "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("audit verify --data --kiosk-cert 1.5 GB", 1, tooLarge, "audit", "verify",
                "--data", "{K}", "--kiosk-cert", "{HUGE}"));
        all.add(new BadInvocationsIT.Bad("day close --kiosk-cert 1.5 GB", 1, tooLarge, "day", "close", "--data",
                "{K}", "--kiosk-cert", "{HUGE}", "--out", "{OUT}.bundle", "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("token verify --kiosk-public-key 1.5 GB", 1, tooLarge, desk("{HUGE}",
                "{ACERT}", "{ACERT}")));
        all.add(new BadInvocationsIT.Bad("token verify --desk-key 1.5 GB", 1, tooLarge, desk("{PUB}", "{HUGE}",
                "{ACERT}")));
        all.add(new BadInvocationsIT.Bad("token verify --authority-cert 1.5 GB", 1, tooLarge, desk("{PUB}",
                "{ACERT}", "{HUGE}")));
        all.add(new BadInvocationsIT.Bad("audit sample --bundle 2 GB", 1, "bundle.error.tooLarge", "audit",
                "sample", "--bundle", "{HUGE2G}", "--seed", "public", "--size", "1"));
        all.add(new BadInvocationsIT.Bad("register build --accept-duplicates 2 GB", 1, "register.error.acceptFile",
                "register", "build", "--voters", "{CSV}", "--prints", "{PRINTS}", "--authority", "{A}",
                "--kiosk-cert", "{CERT}", "--election", "KZ-2026-TEST", "--precinct", "101", "--version", "2",
                "--out", "{OUT}.srp", "--accept-duplicates", "{HUGE2G}", "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("register build --prior-votes garbage, before the build", 1,
                "register.error.redirectInput", "register", "build", "--voters", "{CSV}", "--prints", "{PRINTS}",
                "--authority", "{A}", "--kiosk-cert", "{CERT}", "--election", "KZ-2026-TEST", "--precinct", "101",
                "--version", "2", "--out", "{OUT}.srp", "--prior-votes", "{NOTBUNDLE}", "--passphrase-file", "{P}"));
        // A certificate file with a second certificate (or a request with a certificate): which one counts?
        String certificate = "crypto.error.certificateFormat";
        all.add(new BadInvocationsIT.Bad("kiosk init --authority-cert with a second certificate", 1, certificate,
                "kiosk", "init", "--data", "{OUT}/k2", "--precinct", "101", "--authority-cert", "{TWO}",
                "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("register inspect --authority-cert with a second certificate", 1,
                certificate, "register", "inspect", "{SRP}", "--authority-cert", "{TWO}"));
        all.add(new BadInvocationsIT.Bad("register build --kiosk-cert with a second certificate", 1, certificate,
                "register", "build", "--voters", "{CSV}", "--prints", "{PRINTS}", "--authority", "{A}",
                "--kiosk-cert", "{KTWO}", "--election", "KZ-2026-TEST", "--precinct", "101", "--version", "2",
                "--out", "{OUT}.srp", "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("token-key --kiosk-cert with a second certificate", 1, certificate,
                "authority", "token-key", "--authority", "{A}", "--election", "KZ-2026-TEST", "--precinct", "101",
                "--kiosk-cert", "{KTWO}", "--out", "{OUT}-t.p7m", "--passphrase-file", "{P}"));
        all.add(new BadInvocationsIT.Bad("certify-kiosk --request with a certificate after it", 1,
                "crypto.error.requestFormat", "authority", "certify-kiosk", "--authority", "{A}", "--request",
                "{CSRTWO}", "--out", "{OUT}-k.pem", "--passphrase-file", "{P}"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void aHostileFileIsRefusedInOneKeyedLineAndLeavesNothingBehind(BadInvocationsIT.Bad bad) throws Exception {
        BadInvocationsIT.assertRefused(bad, root, substitute(bad.args()));
    }

    /** An empty file as the desk's ledger is said in words, not by the name of the SQLite driver's exception. */
    @Test
    void anEmptyLedgerIsSaidInWords() throws Exception {
        ThreatWorld.Run run = BadInvocationsIT.assertRefused(new BadInvocationsIT.Bad("token reconcile, empty ledger",
                1, "token.error.ledger"), root, substitute(new String[] {"token", "reconcile", "--redeemed-ledger",
                "{EMPTYDB}", "{NOTBUNDLE}"}));
        assertTrue(run.err().contains("not an SQLite database holding the desk's redeemed_token table"), run.err());
        assertFalse(run.err().toLowerCase(java.util.Locale.ROOT).contains("sq lite"), run.err());
    }

    /**
     * A file name (or any text from a file) holding a terminal escape sequence is not written to the terminal as one:
     * {@code ESC[2J} cleared the administrator's screen and {@code ESC[32m} could colour a forged "OK".
     */
    @Test
    void anEscapeSequenceInAPathIsNotPrintedAsOne() throws Exception {
        String path = root.resolve("day\u001b[2J\u001b[32mOK.bundle").toString();
        ThreatWorld.Run run = BadInvocationsIT.assertRefused(new BadInvocationsIT.Bad("audit sample, escape in the "
                + "path", 1, "cli.error.noFile"), root, "audit", "sample", "--bundle", path, "--seed", "s", "--size", "1");
        assertTrue(run.err().contains("day?[2J?[32mOK.bundle"), run.err());
        assertFalse(run.err().contains("\u001b"), run.err());
    }

    /** A binary file as the examined duplicates is said to be no text, not by the decoder's "Input length = 1". */
    @Test
    void aBinaryAcceptedDuplicatesFileIsSaidToBeNoText() throws Exception {
        ThreatWorld.Run run = BadInvocationsIT.assertRefused(new BadInvocationsIT.Bad("register build "
                + "--accept-duplicates a package", 1, "register.error.acceptFile"), root, substitute(new String[] {
                    "register", "build", "--voters", "{CSV}", "--prints", "{PRINTS}", "--authority", "{A}",
                    "--kiosk-cert", "{CERT}", "--election", "KZ-2026-TEST", "--precinct", "101", "--version", "2",
                    "--out", "{OUT}.srp", "--accept-duplicates", "{SRP}", "--passphrase-file", "{P}"}));
        assertTrue(run.err().contains("accepted duplicates file is not UTF-8 text"), run.err());
    }

    /**
     * A passphrase file an editor saved with a byte order mark holds the passphrase, not the mark and the passphrase:
     * with the mark taken as part of the secret, a key sealed from such a file did not open with the passphrase
     * typed at the console ({@code crypto.error.wrongPassphrase}).
     */
    @Test
    void aPassphraseFileWithAByteOrderMarkHoldsThePassphraseAlone() throws Exception {
        Path withMark = huge.resolve("passphrase-bom.txt");
        Files.write(withMark, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Files.readAllBytes(world.passphrase)));
        Path out = huge.resolve("kiosk.crt.pem");
        ThreatWorld.Run run = ThreatWorld.run("authority", "certify-kiosk", "--authority", world.authority.toString(),
                "--request", world.kiosk.resolve("kiosk.csr.pem").toString(), "--out", out.toString(),
                "--passphrase-file", withMark.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(Files.isRegularFile(out), run.out());
    }

    /** {@code token verify} with the three files in the desk's places, everything else valid. */
    private static String[] desk(String publicKey, String deskKey, String authority) {
        return new String[] {"token", "verify", "--election", "KZ-2026-TEST", "--precinct", "101",
            "--kiosk-public-key", publicKey, "--desk-key", deskKey, "--authority-cert", authority,
            "--passphrase-file", "{P}", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"};
    }

    private static String[] substitute(String[] args) {
        return BadInvocationsIT.substitute(args, PLACES);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return Arrays.concatenate(first, second);
    }
}
