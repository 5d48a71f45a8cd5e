package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start's checks of a kiosk's node directory ({@code precinctNetwork} in {@code kiosk.json}): each problem one
 * sentence naming the key and the message key, found before anything starts; a standalone kiosk has none; the
 * administrator's passphrase unseals the node key. Test-only keys made here (Argon2id test parameters).
 */
class PrecinctKioskTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSPHRASE = "test-only administrator passphrase".toCharArray();
    private static final int PRECINCT = KioskConfiguration.defaults().precinct();

    @TempDir
    Path dir;

    private final AuthorityCredentials authority = AuthorityCredentials.generate("Test-only authority",
            Clock.systemUTC(), Duration.ofDays(2), RANDOM);

    @Test
    void aStandaloneKioskHasNoNodeToCheckOrUnlock() throws Exception {
        KioskConfiguration standalone = KioskConfiguration.defaults();
        assertEquals(List.of(), PrecinctKiosk.problems(standalone, Optional.empty()));
        assertEquals(Optional.empty(), PrecinctKiosk.unlock(standalone, PASSPHRASE.clone()));
    }

    @Test
    void aCertifiedKioskNodeOfThisPrecinctIsReadyAndItsKeyOpensWithTheAdministratorsPassphrase() throws Exception {
        Path node = node("kiosk-1", NodeRole.KIOSK, PRECINCT);
        KioskConfiguration configuration = KioskConfiguration.defaults().asPrecinctNode(node);
        assertEquals(List.of(), PrecinctKiosk.problems(configuration, Optional.of(authority.certificate())));
        assertEquals(new NodeName("kiosk-1"), PrecinctKiosk.unlock(configuration, PASSPHRASE.clone()).orElseThrow()
                .name());
        KioskCryptoException wrong = assertThrows(KioskCryptoException.class,
                () -> PrecinctKiosk.unlock(configuration, "another passphrase".toCharArray()));
        assertEquals("crypto.error.wrongPassphrase", wrong.messageKey());
    }

    @Test
    void everyProblemOfTheNodeDirectoryIsNamedWithItsKey() throws Exception {
        assertOneProblem(dir.resolve("absent"), "is not a directory", "[node.error.notInitialised]");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertOneProblem(empty, "has no readable precinct.json", "[node.error.noSettings]");
        Files.writeString(empty.resolve(PrecinctNodeSettings.FILE), "{\"name\": \"kiosk-1\"");
        assertOneProblem(empty, "precinct.json is not valid: precinct.json is not JSON", "[node.error.settings]");
        settings(empty, "kiosk-1", "127.0.0.1:7800");
        assertOneProblem(empty, "has no node-key.sealed", "[node.error.notInitialised]");

        Path elsewhere = node("kiosk-1", NodeRole.KIOSK, PRECINCT);
        settings(elsewhere, "kiosk-1", "192.0.2.10:7800");
        assertOneProblem(elsewhere, "listen 192.0.2.10 is not an address of this machine", "[node.error.listen]");

        assertOneProblem(node("kiosk-1", NodeRole.KIOSK, PRECINCT + 1), "the node certificate is for precinct "
                + (PRECINCT + 1) + ", this kiosk is precinct " + PRECINCT, "[node.refused.otherPrecinct]");
        assertOneProblem(node("desk-1", NodeRole.BALLOT_DESK, PRECINCT), "not a kiosk", "[node.error.role]");
        Path renamed = node("kiosk-2", NodeRole.KIOSK, PRECINCT);
        settings(renamed, "kiosk-1", "127.0.0.1:7800");
        assertOneProblem(renamed, "precinct.json names kiosk-1 but the certificate kiosk-2",
                "[node.error.certificateMismatch]");

        // A member whose ledger went missing (its marker beside the ledger folder, decision 0440).
        Path emptied = node("kiosk-1", NodeRole.KIOSK, PRECINCT);
        Files.writeString(emptied.resolve("ledger.joined"), "kiosk-1 has joined the precinct network\n");
        assertOneProblem(emptied, "node run --rejoin", "[node.error.ledgerMissing]");
        assertFalse(Files.exists(emptied.resolve(PrecinctKiosk.LEDGER_DIRECTORY)), "nothing created");

        Path otherAuthority = node("kiosk-1", NodeRole.KIOSK, PRECINCT);
        List<String> problems = PrecinctKiosk.problems(KioskConfiguration.defaults().asPrecinctNode(otherAuthority),
                Optional.of(AuthorityCredentials.generate("Another test-only authority", Clock.systemUTC(),
                        Duration.ofDays(2), RANDOM).certificate()));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("[node.error.otherAuthority]"), problems.toString());
    }

    private void assertOneProblem(Path node, String says, String key) {
        List<String> problems = PrecinctKiosk.problems(KioskConfiguration.defaults().asPrecinctNode(node),
                Optional.of(authority.certificate()));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("precinctNetwork.node: " + node), problems.toString());
        assertTrue(problems.get(0).contains(says), problems.toString());
        assertTrue(problems.get(0).contains(key), problems.toString());
    }

    /** A node directory as node init, authority certify-node and node install leave it, with its settings. */
    private Path node(String name, NodeRole role, int precinct) throws Exception {
        Path node = Files.createTempDirectory(dir, name);
        NodeCredentials credentials = NodeCredentials.generate(new NodeName(name), role, new PrecinctId(precinct),
                RANDOM);
        credentials.save(node, PASSPHRASE.clone(), Argon2idParameters.TEST_ONLY, RANDOM);
        credentials.install(node, NodeCertificates.certify(authority, Files.readAllBytes(
                node.resolve(NodeCredentials.REQUEST_FILE)), new PrecinctId(precinct), Clock.systemUTC(),
                Duration.ofDays(1), RANDOM), authority.certificate());
        settings(node, name, "127.0.0.1:7800");
        return node;
    }

    private static void settings(Path node, String name, String listen) throws Exception {
        Files.writeString(node.resolve(PrecinctNodeSettings.FILE), "{\"name\": \"" + name + "\", \"listen\": \""
                + listen + "\", \"peers\": {\"" + name + "\": \"" + listen + "\", \"kiosk-9\": \"127.0.0.1:7809\"},"
                + " \"members\": [\"" + name + "\", \"kiosk-9\"]}");
    }
}
