package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every replica's check of who submitted a ledger command (decision 0285), with real certificates of a TEST-ONLY
 * authority: a machine cannot write in another machine's name, outside its role, with another precinct's or a
 * self-made certificate, after it was withdrawn, or with bytes changed after signing.
 */
class CommandSignersTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PrecinctId PRECINCT = new PrecinctId(4716);
    private static AuthorityCredentials authority;
    private static NodeCredentials kiosk1;
    private static NodeCredentials kiosk2;
    private static NodeCredentials desk;
    private static NodeCredentials station;

    @BeforeAll
    static void certify() {
        authority = AuthorityCredentials.generate("Test-only authority", Clock.systemUTC(), Duration.ofDays(2), RANDOM);
        kiosk1 = node(authority, "kiosk-1", NodeRole.KIOSK, PRECINCT);
        kiosk2 = node(authority, "kiosk-2", NodeRole.KIOSK, PRECINCT);
        desk = node(authority, "desk-1", NodeRole.BALLOT_DESK, PRECINCT);
        station = node(authority, "station-1", NodeRole.CLERK_STATION, PRECINCT);
    }

    private static NodeCredentials node(AuthorityCredentials by, String name, NodeRole role, PrecinctId precinct) {
        NodeCredentials credentials = NodeCredentials.generate(new NodeName(name), role, precinct, RANDOM);
        return credentials.withCertificate(NodeCertificates.certify(by, credentials.certificationRequest(), precinct,
                Clock.systemUTC(), Duration.ofDays(1), RANDOM), by.certificate());
    }

    private static SignedCommand signed(NodeCredentials by, PrecinctCommand command) throws Exception {
        byte[] bytes = PrecinctCommand.encode(command);
        return new SignedCommand(bytes, by.certificate().orElseThrow().getEncoded(), by.signCommand(bytes));
    }

    private static Optional<String> check(SignedCommand signed, PrecinctLedgerState state) {
        byte[] bytes = signed.command();
        return new CommandSigners(authority.certificate(), PRECINCT)
                .refusal(signed, PrecinctCommand.decode(bytes, 0, bytes.length), state);
    }

    private static byte[] id() {
        return PrecinctCommand.newId(RANDOM);
    }

    private static PrecinctCommand.IssueToken issue(String origin) {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return new PrecinctCommand.IssueToken(id(), new NodeName(origin), token);
    }

    @Test
    void eachRoleSubmitsOnlyItsOwnCommandsInItsOwnName() throws Exception {
        PrecinctLedgerState state = new PrecinctLedgerState();
        byte[] voter = new byte[32];
        assertEquals(Optional.empty(), check(signed(kiosk1,
                new PrecinctCommand.CheckIn(id(), new NodeName("kiosk-1"), voter, 0)), state));
        assertEquals(Optional.empty(), check(signed(kiosk1, issue("kiosk-1")), state));
        assertEquals(Optional.empty(), check(signed(desk,
                new PrecinctCommand.RedeemToken(id(), new NodeName("desk-1"), new byte[16], true)), state));
        assertEquals(Optional.empty(), check(signed(station,
                new PrecinctCommand.Seal(id(), new NodeName("station-1"))), state));

        assertEquals(Optional.of("desk-1 (ballot-desk) may not submit IssueToken"),
                check(signed(desk, issue("desk-1")), state), "a forger at the ballot desk adds no ballot");
        assertEquals(Optional.of("desk-1 (ballot-desk) may not submit CheckIn"), check(signed(desk,
                new PrecinctCommand.CheckIn(id(), new NodeName("desk-1"), voter, 0)), state));
        assertEquals(Optional.of("kiosk-1 (kiosk) may not submit RedeemToken"), check(signed(kiosk1,
                new PrecinctCommand.RedeemToken(id(), new NodeName("kiosk-1"), new byte[16], false)), state));
        assertEquals(Optional.of("station-1 (clerk-station) may not submit IssueToken"),
                check(signed(station, issue("station-1")), state));
        assertEquals(Optional.of("desk-1 submitted a command in the name of kiosk-1"),
                check(signed(desk, issue("kiosk-1")), state), "the origin is the signer, not what the bytes say");
        assertEquals(Optional.of("kiosk-2 submitted a command in the name of kiosk-1"),
                check(signed(kiosk2, issue("kiosk-1")), state));
    }

    @Test
    void aCommandChangedAfterSigningOrSignedByAnotherKeyIsRefused() throws Exception {
        PrecinctLedgerState state = new PrecinctLedgerState();
        SignedCommand genuine = signed(kiosk1, issue("kiosk-1"));
        byte[] changed = genuine.command();
        changed[changed.length - 1] ^= 1;
        assertEquals(Optional.of("the signature of kiosk-1's IssueToken does not verify"),
                check(new SignedCommand(changed, genuine.certificate(), genuine.signature()), state));
        SignedCommand byKiosk2 = signed(kiosk2, issue("kiosk-2"));
        assertTrue(check(new SignedCommand(genuine.command(), genuine.certificate(), byKiosk2.signature()), state)
                .orElseThrow().endsWith("does not verify"), "kiosk-1's certificate with kiosk-2's signature");
    }

    @Test
    void certificatesOfAnotherAuthorityOrPrecinctAndWithdrawnMachinesAreRefused() throws Exception {
        PrecinctLedgerState state = new PrecinctLedgerState();
        AuthorityCredentials forger = AuthorityCredentials.generate("Test-only forger", Clock.systemUTC(),
                Duration.ofDays(2), RANDOM);
        NodeCredentials forged = node(forger, "kiosk-1", NodeRole.KIOSK, PRECINCT);
        assertEquals(Optional.of("a command signed with a certificate the authority did not issue to a node"),
                check(signed(forged, issue("kiosk-1")), state));
        NodeCredentials elsewhere = node(authority, "kiosk-1", NodeRole.KIOSK, new PrecinctId(4717));
        assertEquals(Optional.of("a command signed by kiosk-1 of precinct 4717"),
                check(signed(elsewhere, issue("kiosk-1")), state));
        assertEquals(Optional.of("a command signed with a certificate the authority did not issue to a node"),
                check(new SignedCommand(PrecinctCommand.encode(issue("kiosk-1")), new byte[] {0x30, 0x03, 1, 1, 1},
                        new byte[] {1}), state), "garbage in the certificate's place");

        state.apply(new PrecinctCommand.WithdrawNode(id(), new NodeName("kiosk-1"), new NodeName("kiosk-2")));
        assertEquals(Optional.of("kiosk-2 was withdrawn from the precinct"),
                check(signed(kiosk2, issue("kiosk-2")), state));

        NodeCredentials replacement = node(authority, "kiosk-3", NodeRole.KIOSK, PRECINCT);
        NodeCredentials otherKey = node(authority, "kiosk-3", NodeRole.KIOSK, PRECINCT);
        state.apply(new PrecinctCommand.AuthoriseNode(id(), new NodeName("kiosk-1"), new NodeName("kiosk-3"),
                NodeRole.KIOSK, NodeCertificates.fingerprint(replacement.certificate().orElseThrow())));
        assertEquals(Optional.empty(), check(signed(replacement, issue("kiosk-3")), state));
        assertEquals(Optional.of("kiosk-3 signed with another certificate than the one admitted"),
                check(signed(otherKey, issue("kiosk-3")), state));
    }

    @Test
    void theEnvelopeIsReadWithinItsBounds() throws Exception {
        SignedCommand genuine = signed(kiosk1, issue("kiosk-1"));
        byte[] wire = genuine.encode();
        assertEquals(genuine, SignedCommand.decode(wire, 0, wire.length));
        assertThrows(IllegalArgumentException.class, () -> SignedCommand.decode(wire, 0, 10), "truncated");
        byte[] unsigned = PrecinctCommand.encode(issue("kiosk-1"));
        assertThrows(IllegalArgumentException.class, () -> SignedCommand.decode(unsigned, 0, unsigned.length),
                "a bare command of the old form");
        byte[] huge = wire.clone();
        huge[2] = (byte) 0xFF;
        huge[3] = (byte) 0xFF;
        assertThrows(IllegalArgumentException.class, () -> SignedCommand.decode(huge, 0, huge.length));
        byte[] noCommand = new SignedCommand(new byte[] {1}, genuine.certificate(), genuine.signature()).encode();
        assertFalse(SignedCommand.decode(noCommand, 0, noCommand.length).command().length == 0);
        assertThrows(IllegalArgumentException.class,
                () -> SignedCommand.decode(noCommand, 0, noCommand.length - 1), "no command bytes at all");
    }
}
