package kz.sailau.kiosk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.checkin.LedgerFullException;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.testing.Conditions;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctLedgerState;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check-in engine's ports on a precinct network: three nodes (in this JVM, real TCP and TLS on loopback);
 * two kiosks' ledgers race on the same voters through the replicated ledger, and each voter is checked in once; a
 * paper mark entered at one kiosk blocks the voter at the other, and a voter checked in at one cannot be marked at
 * the other; a kiosk whose own disk is full checks nobody in precinct-wide.
 */
class ReplicatedCheckInLedgerIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PrecinctId PRECINCT = new PrecinctId(4711);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void twoKiosksRacingThroughTheReplicatedLedgerCheckEachVoterInOnce(@TempDir Path root) throws Exception {
        List<PrecinctNode> nodes = new ArrayList<>();
        try {
            startPrecinct(root, 60, nodes);
            BlindIndex index = new BlindIndex(new byte[32], "iin");
            ReplicatedCheckInLedger kiosk1 = new ReplicatedCheckInLedger(new InMemoryCheckInLedger(), nodes.get(0),
                    index, Optional.empty());
            ReplicatedCheckInLedger kiosk2 = new ReplicatedCheckInLedger(new InMemoryCheckInLedger(), nodes.get(1),
                    index, Optional.empty());
            ExecutorService both = Executors.newFixedThreadPool(2);
            int accepted = 0;
            int already = 0;
            try {
                for (int serial = 0; serial < 10; serial++) {
                    Iin iin = iin(serial);
                    CheckInRecord record = new CheckInRecord(iin, CheckInMethod.FINGERPRINT, Optional.empty(),
                            Optional.empty());
                    List<Future<Boolean>> race = both.invokeAll(List.<Callable<Boolean>>of(
                            () -> attempt(kiosk1, record), () -> attempt(kiosk2, record)));
                    for (Future<Boolean> result : race) {
                        if (result.get()) {
                            accepted++;
                        } else {
                            already++;
                        }
                    }
                    assertTrue(kiosk1.isCheckedIn(iin) || kiosk2.isCheckedIn(iin));
                }
            } finally {
                both.shutdownNow();
            }
            assertEquals(10, accepted);
            assertEquals(10, already);
            assertEquals(10, kiosk1.counters().checkIns() + kiosk2.counters().checkIns());

            ClerkId clerk = new ClerkId("clerk1");
            Iin marked = iin(20);
            assertEquals("P-0001", kiosk1.recordPaperMark(marked, clerk).text());
            assertThrows(AlreadyCheckedInException.class, () -> kiosk2.record(new CheckInRecord(marked,
                    CheckInMethod.FINGERPRINT, Optional.empty(), Optional.empty()), Optional.empty()),
                    "a paper mark entered at kiosk-1 blocks the voter's check-in at kiosk-2");
            assertThrows(AlreadyCheckedInException.class, () -> kiosk2.recordPaperMark(marked, clerk),
                    "the same mark entered at both kiosks counts once");
            assertThrows(AlreadyCheckedInException.class, () -> kiosk2.recordPaperMark(iin(0), clerk),
                    "a voter checked in at a kiosk cannot be marked at another");
            assertEquals(1, kiosk1.counters().paperMarks());
            assertEquals(0, kiosk2.counters().paperMarks(), "a refused mark records nothing");
            assertEquals(10, kiosk1.counters().checkIns() + kiosk2.counters().checkIns(), "a mark is no check-in");
            // A follower's replica learns of a commit a moment after the leader: wait for it.
            Conditions.await(() -> nodes.get(2).read(PrecinctLedgerState::checkedInCount) >= 11, WAIT,
                    () -> "desk-1 did not catch up: " + nodes.get(2).read(PrecinctLedgerState::checkedInCount));
            assertEquals(11L, nodes.get(2).read(PrecinctLedgerState::checkedInCount), "10 check-ins, 1 paper mark");
            assertEquals(1L, (long) nodes.get(2).<Long>read(state -> state.total(PrecinctLedgerState.Count.PAPER_MARK)));

        } finally {
            for (PrecinctNode node : nodes) {
                node.close();
            }
        }
    }

    /**
     * A kiosk whose own disk is full checks nobody in precinct-wide (decision 0455): the precinct neither counts the
     * voter nor issues the token id, so once space is back the same voter checks in, exactly once. Before 0455 the
     * precinct counted the voter first, the local write failed, and the voter's retry was refused as already
     * checked in.
     */
    @Test
    void aKioskWhoseDiskIsFullChecksNobodyInPrecinctWide(@TempDir Path root) throws Exception {
        List<PrecinctNode> nodes = new ArrayList<>();
        try {
            startPrecinct(root, 63, nodes);
            Path file = root.resolve("kiosk.db");
            long pages;
            try (KioskDatabase fresh = KioskDatabase.open(file, SqliteCheckInLedger.ledgerOnly())) {
                pages = fresh.read(c -> pragma(c, "page_count"));
            }
            // Capped at its own size, the store cannot grow by a page, as on a full disk.
            try (KioskDatabase capped = KioskDatabase.open(file, SqliteCheckInLedger.ledgerOnly(),
                    new StoreOptions(pages, 1000), Clock.systemUTC())) {
                BlindIndex index = new BlindIndex(new byte[32], "iin");
                SqliteCheckInLedger local = new SqliteCheckInLedger(capped, index, Clock.systemUTC());
                ReplicatedCheckInLedger kiosk = new ReplicatedCheckInLedger(local.roomCheckedByCaller(), nodes.get(0),
                        index,
                        Optional.empty());
                Iin voter = iin(0);
                CheckInRecord record = new CheckInRecord(voter, CheckInMethod.FINGERPRINT, Optional.empty(),
                        Optional.empty());
                assertThrows(LedgerFullException.class, () -> kiosk.record(record, Optional.of(token(1))));
                assertFalse(nodes.get(0).<Boolean>read(state -> state.isCheckedIn(index.of(voter.digits()))),
                        "the precinct did not count the voter");
                assertEquals(0L, (long) nodes.get(0).<Long>read(
                        state -> state.total(PrecinctLedgerState.Count.TOKEN_ISSUED)), "nor issue a token id");
                assertEquals(0, local.counters().checkIns());

                capped.inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA max_page_count = " + (pages + 4 * LedgerRoom.PAGES));
                    }
                    return null;
                });
                assertEquals(1, kiosk.record(record, Optional.of(token(2))).checkIns(), "space is back");
                assertTrue(nodes.get(0).<Boolean>read(state -> state.isCheckedIn(index.of(voter.digits()))));
                assertEquals(1, local.issuedTokens().size());
                assertThrows(AlreadyCheckedInException.class, () -> kiosk.record(record, Optional.of(token(3))),
                        "a second visit is refused");
                assertEquals(1, local.counters().checkIns());
            }
        } finally {
            for (PrecinctNode node : nodes) {
                node.close();
            }
        }
    }

    /** Three nodes, kiosk-1, kiosk-2 and desk-1, on 127.0.0.{first}.. (real TCP and TLS), with a majority. */
    private static void startPrecinct(Path root, int first, List<PrecinctNode> nodes) throws Exception {
        AuthorityCredentials authority = AuthorityCredentials.generate("Test-only authority", Clock.systemUTC(),
                Duration.ofDays(1), RANDOM);
        List<String> names = List.of("kiosk-1", "kiosk-2", "desk-1");
        Map<NodeName, InetSocketAddress> peers = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            InetAddress address = InetAddress.getByName("127.0.0." + (first + i));
            try (ServerSocket probe = new ServerSocket(0, 1, address)) {
                peers.put(new NodeName(names.get(i)), new InetSocketAddress(address, probe.getLocalPort()));
            }
        }
        for (String name : names) {
            NodeName node = new NodeName(name);
            NodeCredentials key = NodeCredentials.generate(node, name.startsWith("desk") ? NodeRole.BALLOT_DESK
                    : NodeRole.KIOSK, PRECINCT, RANDOM);
            X509Certificate certificate = NodeCertificates.certify(authority, key.certificationRequest(),
                    PRECINCT, Clock.systemUTC(), Duration.ofDays(1), RANDOM);
            nodes.add(PrecinctNode.start(new PrecinctNodeSettings(node, peers.get(node), peers.get(node), peers,
                    List.copyOf(peers.keySet()), root.resolve(name), Duration.ofSeconds(5)),
                    key.withCertificate(certificate, authority.certificate()), authority.certificate(), RANDOM));
        }
        Conditions.await(() -> nodes.stream().allMatch(n -> n.networkState().withMajority()), WAIT,
                () -> "no majority: " + nodes.stream().map(n -> n.networkState().summary()).toList());
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static PreparedToken token(int n) {
        return new PreparedToken(String.format("%032x", n), new IssuedBallotToken("T" + n, "QR" + n));
    }

    private static boolean attempt(ReplicatedCheckInLedger ledger, CheckInRecord record) {
        try {
            ledger.record(record, Optional.empty());
            return true;
        } catch (AlreadyCheckedInException e) {
            return false;
        }
    }

    private static Iin iin(int serial) {
        for (int s = serial * 10; ; s++) {
            String eleven = "8001013" + String.format("%04d", s);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new Iin(eleven + control);
            }
        }
    }
}
