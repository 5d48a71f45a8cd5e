package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.audit.RegisterLoadAudit;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: the kiosks a precinct package was built for (decision 0250) started standalone, each with its own ledger,
 * so that a voter checks in at one and again at the other — two ballots — and every observer's check passes: each
 * kiosk's bundle reconciles, and {@code token reconcile} over both finds each redeemed id issued once, since the two
 * ids are different tokens (session H67). Only the authority, decrypting both marked registers, could see the voter
 * twice. Now the package's kiosk count is signed into {@code REGISTER_LOADED}, and a kiosk whose configuration
 * names no precinct network refuses to start on a precinct package (decision 0492).
 */
class StandaloneKiosksOfOnePrecinctIT {

    private static final LocalDate ELECTION_DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path root;

    @Test
    void aKioskOfAPrecinctPackageDoesNotStartStandaloneAndItsOwnPackageStillDoes() throws Exception {
        twoKiosksOfOnePackageCheckInTheSameVoters();
        for (String name : List.of("kiosk-1", "kiosk-2")) {
            String start = ThreatWorld.checkOnlyOfFixture(root.resolve(name), ELECTION_DAY);
            assertTrue(start.contains("register: the loaded package was built for 2 kiosks of the precinct, which "
                    + "check voters in as one precinct network"), start);
            assertTrue(start.contains("[register.error.precinctPackageStandalone]"), start);
            assertFalse(start.contains("\tat "), "no stack trace");
        }
        try (DayFixture alone = DayFixture.open(root.resolve("kiosk-alone"), 16)) {
            assertEquals(1, alone.database.read(RegisterLoadAudit::kiosksOfTheLoadedRegister));
        }
        String own = ThreatWorld.checkOnlyOfFixture(root.resolve("kiosk-alone"), ELECTION_DAY);
        assertTrue(own.startsWith("cannot start:"), own);
        assertFalse(own.contains("precinctPackageStandalone"), "a kiosk's own package starts standalone: " + own);
    }

    /**
     * The same two kiosks, each given a precinct network of its own (session H74, decision 0525): the kiosk's
     * certified node directory with a {@code precinct.json} that lists this kiosk as the only member, a file the
     * insider edits without any key. A network of one member is its own majority, so each kiosk kept a ledger of its
     * own as if standalone — decision 0492 bypassed — and {@code start --check-only} found the node in order. A
     * precinct package now needs as many voting members as kiosks it was built for.
     */
    @Test
    void aKioskOfAPrecinctPackageDoesNotStartOnANetworkOfItsOwn() throws Exception {
        twoKiosksOfOnePackageCheckInTheSameVoters();
        Path alone = node("kiosk-1", List.of("kiosk-1"));
        String start = ThreatWorld.checkOnlyOfFixture(root.resolve("kiosk-1"), ELECTION_DAY, Optional.of(alone));
        assertTrue(start.contains("[register.error.precinctNetworkTooSmall]"), start);
        assertTrue(start.contains("the loaded package was built for 2 kiosks of the precinct, but "
                + alone.resolve(PrecinctNodeSettings.FILE) + " lists 1 voting member"), start);
        assertFalse(start.contains("\tat "), "no stack trace");

        Path precinct = node("kiosk-1", List.of("kiosk-1", "kiosk-2", "desk-1"));
        String member = ThreatWorld.checkOnlyOfFixture(root.resolve("kiosk-1"), ELECTION_DAY, Optional.of(precinct));
        assertFalse(member.contains("precinctNetworkTooSmall"), member);
        assertFalse(member.contains("precinctPackageStandalone"), member);
    }

    /** Two kiosks of one precinct package, each having checked in the same three voters, closed again. */
    private void twoKiosksOfOnePackageCheckInTheSameVoters() throws Exception {
        List<DayFixture> kiosks = DayFixture.openPrecinct(List.of(root.resolve("kiosk-1"), root.resolve("kiosk-2")),
                16);
        try {
            for (DayFixture kiosk : kiosks) {
                // The same voters at both: nothing between two kiosks with a ledger each stops the second check-in.
                kiosk.simulate(3);
                assertEquals(2, kiosk.database.read(RegisterLoadAudit::kiosksOfTheLoadedRegister));
            }
        } finally {
            kiosks.forEach(DayFixture::close);
        }
    }

    /** A kiosk's node directory as node init, authority certify-node and node install leave it, with its members. */
    private Path node(String name, List<String> members) throws Exception {
        SecureRandom random = new SecureRandom();
        Path node = Files.createTempDirectory(root, name + "-node");
        NodeCredentials credentials = NodeCredentials.generate(new NodeName(name), NodeRole.KIOSK,
                RegisterFixtures.PRECINCT, random);
        credentials.save(node, RegisterFixtures.PASSPHRASE.clone(), Argon2idParameters.TEST_ONLY, random);
        credentials.install(node, NodeCertificates.certify(RegisterFixtures.authority(), Files.readAllBytes(
                node.resolve(NodeCredentials.REQUEST_FILE)), RegisterFixtures.PRECINCT, Clock.systemUTC(),
                Duration.ofDays(1), random), RegisterFixtures.authority().certificate());
        StringBuilder peers = new StringBuilder();
        for (int i = 0; i < members.size(); i++) {
            peers.append(i == 0 ? "" : ", ").append("\"").append(members.get(i)).append("\": \"127.0.0.1:")
                    .append(7800 + i).append("\"");
        }
        Files.writeString(node.resolve(PrecinctNodeSettings.FILE), "{\"name\": \"" + name + "\", \"listen\": "
                + "\"127.0.0.1:7800\", \"peers\": {" + peers + "}, \"members\": [\"" + String.join("\", \"", members)
                + "\"]}");
        return node;
    }
}
