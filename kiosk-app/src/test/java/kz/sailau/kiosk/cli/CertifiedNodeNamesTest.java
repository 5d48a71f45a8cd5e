package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import kz.sailau.kiosk.crypto.Digests;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code authority certify-node} certifies a machine name for one key per precinct (decision 0480, session H62's
 * second {@code kiosk-2}): a renewal of the same key is allowed, another machine under a taken name is refused with
 * nothing written, the same name in another precinct and a new name are certified; a damaged list is refused.
 */
class CertifiedNodeNamesTest {

    private final CapturedCommandLine cli = new CapturedCommandLine(CapturedCommandLine.NOVEMBER_20);
    private final ByteArrayOutputStream err = cli.err;

    @TempDir
    Path dir;

    private int run(String... args) {
        err.reset();
        return cli.run(args);
    }

    private static final String[] FAST = {"--argon2-memory-kib", "8192", "--argon2-iterations", "1"};

    private Path node(String directory, String name, String precinct) {
        Path node = dir.resolve(directory);
        assertEquals(0, run(concat(new String[] {"node", "init", "--dir", node.toString(), "--name", name,
                "--role", "kiosk", "--precinct", precinct, "--passphrase-file", passphrase().toString()})), err::toString);
        return node.resolve("node.csr.pem");
    }

    private int certify(Path request, String precinct, String outName) {
        return run("authority", "certify-node", "--authority", dir.resolve("auth").toString(), "--request",
                request.toString(), "--precinct", precinct, "--out", dir.resolve(outName).toString(),
                "--passphrase-file", passphrase().toString());
    }

    private Path passphrase() {
        return dir.resolve("pass.txt");
    }

    private static String[] concat(String[] args) {
        String[] all = new String[args.length + FAST.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(FAST, 0, all, args.length, FAST.length);
        return all;
    }

    @Test
    void aMachineNameIsCertifiedForOneKeyPerPrecinct() throws Exception {
        Files.writeString(passphrase(), "DEMO passphrase for tests only\n");
        assertEquals(0, run(concat(new String[] {"authority", "init", "--out", dir.resolve("auth").toString(),
                "--passphrase-file", passphrase().toString()})), err::toString);
        Path first = node("first", "kiosk-2", "4711");
        Path second = node("second", "kiosk-2", "4711");

        assertEquals(0, certify(first, "4711", "first.crt.pem"), err::toString);
        assertEquals(0, certify(first, "4711", "first-renewed.crt.pem"), "the same key again: a renewal");
        Path list = dir.resolve("auth").resolve(CertifiedNodeNames.FILE);
        assertEquals(2, Files.readAllLines(list).size(), "the name is listed once");

        assertEquals(1, certify(second, "4711", "second.crt.pem"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error [node.error.nameTaken]: precinct 4711 already has a machine named kiosk-2")
                && said.strip().lines().count() == 1, said);
        assertFalse(Files.exists(dir.resolve("second.crt.pem")), "no certificate written");
        assertEquals(2, Files.readAllLines(list).size(), "the list unchanged");

        assertEquals(0, certify(node("other", "kiosk-3", "4711"), "4711", "other.crt.pem"), "a new name");
        assertEquals(0, certify(node("elsewhere", "kiosk-2", "4712"), "4712", "elsewhere.crt.pem"),
                "the same name in another precinct");
        assertEquals(4, Files.readAllLines(list).size());

        Files.writeString(list, Files.readString(list) + "4711\tkiosk-9\tnot-a-digest\n");
        assertEquals(1, certify(node("third", "kiosk-4", "4711"), "4711", "third.crt.pem"));
        said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error [node.error.certifiedNames]: ") && said.contains("line 5"), said);
        assertFalse(Files.exists(dir.resolve("third.crt.pem")), "no certificate written");
    }

    /**
     * Session H64: a renewal (the same key again) under another role was certified, so one name stood for a kiosk and
     * a ballot desk at once; the list keeps the role now and refuses the change.
     */
    @Test
    void aRenewalKeepsTheRoleTheNameWasCertifiedFor() throws Exception {
        authority();
        KeyPair key = nodeKey();
        assertEquals(0, certify(request(key, "kiosk-2", "kiosk", "4711"), "4711", "kiosk.crt.pem"), err::toString);
        assertEquals(0, certify(request(key, "kiosk-2", "kiosk", "4711"), "4711", "renewed.crt.pem"), err::toString);
        Path list = dir.resolve("auth").resolve(CertifiedNodeNames.FILE);
        String before = Files.readString(list);

        assertEquals(1, certify(request(key, "kiosk-2", "ballot-desk", "4711"), "4711", "desk.crt.pem"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error [node.error.roleChanged]: precinct 4711 certified kiosk-2 as kiosk")
                && said.strip().lines().count() == 1, said);
        assertFalse(Files.exists(dir.resolve("desk.crt.pem")), "no certificate written");
        assertEquals(before, Files.readString(list), "the list unchanged");
    }

    /** A list written before the role was recorded (decision 0480's three columns) still reads; a renewal adds it. */
    @Test
    void aListWithoutRolesStillReadsAndARenewalRecordsTheRole() throws Exception {
        authority();
        KeyPair key = nodeKey();
        Path list = dir.resolve("auth").resolve(CertifiedNodeNames.FILE);
        Files.writeString(list, "precinct\tname\tkey_sha256\n4711\tkiosk-2\t"
                + Digests.sha256Hex(key.getPublic().getEncoded()) + "\n4711\tkiosk-3\t" + "ab".repeat(32) + "\n");
        assertEquals(1, certify(request(nodeKey(), "kiosk-3", "kiosk", "4711"), "4711", "taken.crt.pem"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error [node.error.nameTaken]: "), err::toString);
        assertEquals(0, certify(request(key, "kiosk-2", "clerk-station", "4711"), "4711", "renewed.crt.pem"),
                err::toString);
        assertTrue(Files.readString(list).contains("4711\tkiosk-2\t" + Digests.sha256Hex(key.getPublic().getEncoded())
                + "\tclerk-station\n"), Files.readString(list));
        assertEquals(1, certify(request(key, "kiosk-2", "kiosk", "4711"), "4711", "changed.crt.pem"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error [node.error.roleChanged]: "), err::toString);
    }

    /**
     * A list that is not UTF-8 said only {@code error [cli.error.io]: file error: malformed input}, naming neither the
     * file nor what to do; and a damaged list was found only after the authority passphrase was typed.
     */
    @Test
    void aListThatIsNotUtf8IsRefusedByNameBeforeThePassphrase() throws Exception {
        authority();
        Path list = dir.resolve("auth").resolve(CertifiedNodeNames.FILE);
        Files.write(list, ("precinct\tname\tkey_sha256\n4711\tkiosk-\u00ff\t").getBytes(StandardCharsets.ISO_8859_1));
        Path request = request(nodeKey(), "kiosk-4", "kiosk", "4711");
        Files.writeString(passphrase(), "a wrong passphrase\n");
        assertEquals(1, certify(request, "4711", "utf8.crt.pem"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error [node.error.certifiedNames]: " + list) && said.contains("UTF-8")
                && said.strip().lines().count() == 1, said);
        assertFalse(Files.exists(dir.resolve("utf8.crt.pem")));
    }

    /**
     * A list naming one machine of a precinct twice (two keys or two roles, by hand) cannot say which is certified:
     * it was read by its first line, and the renewal of that line rewrote the list without the second.
     */
    @Test
    void aListNamingAMachineTwiceIsRefused() throws Exception {
        authority();
        KeyPair key = nodeKey();
        Path list = dir.resolve("auth").resolve(CertifiedNodeNames.FILE);
        String twice = "precinct\tname\tkey_sha256\n4711\tkiosk-2\t" + Digests.sha256Hex(key.getPublic().getEncoded())
                + "\n4712\tkiosk-2\t" + "cd".repeat(32) + "\n04711\tkiosk-2\t" + "ab".repeat(32) + "\n";
        Files.writeString(list, twice);
        assertEquals(1, certify(request(key, "kiosk-2", "kiosk", "4711"), "4711", "twice.crt.pem"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error [node.error.certifiedNames]: ") && said.contains("line 4"), said);
        assertFalse(Files.exists(dir.resolve("twice.crt.pem")));
        assertEquals(twice, Files.readString(list), "the list unchanged");
    }

    /**
     * Two {@code certify-node} runs at once each read the list before the other wrote it, so both found a name free
     * and two keys were certified for one machine name (the last writer's line kept). The run that finds the
     * directory's lock held is refused at once, nothing written; once the lock is free the same run certifies.
     */
    @Test
    void aSecondCertificationAtOnceIsRefusedAndLeavesNothing() throws Exception {
        authority();
        Path list = dir.resolve("auth").resolve(CertifiedNodeNames.FILE);
        assertEquals(0, certify(request(nodeKey(), "kiosk-1", "kiosk", "4711"), "4711", "one.crt.pem"), err::toString);
        String before = Files.readString(list);
        Path request = request(nodeKey(), "kiosk-2", "kiosk", "4711");
        try (FileChannel other = FileChannel.open(dir.resolve("auth").resolve(CertifiedNodeNames.LOCK_FILE),
                StandardOpenOption.WRITE); var held = other.lock()) {
            assertEquals(1, certify(request, "4711", "two.crt.pem"));
            String said = err.toString(StandardCharsets.UTF_8);
            assertTrue(said.startsWith("error [node.error.authorityBusy]: another authority certify-node is using ")
                    && said.strip().lines().count() == 1, said);
            assertFalse(Files.exists(dir.resolve("two.crt.pem")), "no certificate written");
            assertEquals(before, Files.readString(list), "the list unchanged");
            assertTrue(held.isValid(), "the other run's lock is left alone");
        }
        assertEquals(0, certify(request, "4711", "two.crt.pem"), err::toString);
        assertTrue(Files.readString(list).contains("\tkiosk-2\t"), "listed once the lock is free");
    }

    private void authority() throws Exception {
        Files.writeString(passphrase(), "DEMO passphrase for tests only\n");
        assertEquals(0, run(concat(new String[] {"authority", "init", "--out", dir.resolve("auth").toString(),
                "--passphrase-file", passphrase().toString()})), err::toString);
    }

    private static KeyPair nodeKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A node's request as {@code node init} writes it, for a key the test holds (so that one key can ask twice). */
    private Path request(KeyPair key, String name, String role, String precinct) throws Exception {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.OU, "Precinct " + precinct).addRDN(BCStyle.T, role).addRDN(BCStyle.O, "Sailau").build();
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
        Path file = Files.createTempFile(dir, "node", ".csr.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(request.getEncoded())
                + "\n-----END CERTIFICATE REQUEST-----\n");
        return file;
    }
}
