package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import org.junit.jupiter.api.Test;

/** The replicated state machine without the network: conditional commands, repeats, canonical snapshots. */
class PrecinctLedgerStateTest {

    private static final NodeName KIOSK_1 = new NodeName("kiosk-1");
    private static final NodeName KIOSK_2 = new NodeName("kiosk-2");
    private static final NodeName DESK = new NodeName("desk-1");
    private static final String PACKAGE = "5a".repeat(32);
    private static final String REBUILT = "c3".repeat(32);
    private final Random random = new Random(17);

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    @Test
    void aVoterIsCheckedInOnceWhicheverKioskAsksFirst() {
        PrecinctLedgerState state = new PrecinctLedgerState();
        byte[] voter = bytes(32);
        assertEquals(PrecinctOutcome.ACCEPTED, state.apply(new PrecinctCommand.CheckIn(bytes(16), KIOSK_1, voter, 0))
                .outcome());
        assertEquals(PrecinctOutcome.ALREADY_CHECKED_IN, state.apply(new PrecinctCommand.CheckIn(bytes(16), KIOSK_2,
                voter, 1)).outcome());
        assertEquals(PrecinctOutcome.ALREADY_CHECKED_IN, state.apply(new PrecinctCommand.PaperMark(bytes(16), KIOSK_2,
                voter)).outcome());
        assertEquals(1, state.checkedInCount());
        assertEquals(1, state.count(KIOSK_1, PrecinctLedgerState.Count.CHECK_IN_FINGERPRINT));
        assertEquals(0, state.count(KIOSK_2, PrecinctLedgerState.Count.CHECK_IN_OVERRIDE));
    }

    @Test
    void aSealedLedgerTakesNoMoreCheckInsMarksOrTokenChangesSoEveryNodeClosesOnTheSameLedger() {
        PrecinctLedgerState state = new PrecinctLedgerState();
        byte[] issued = bytes(16);
        assertEquals(PrecinctOutcome.ACCEPTED, state.apply(new PrecinctCommand.IssueToken(bytes(16), KIOSK_1, issued))
                .outcome());
        assertEquals(PrecinctOutcome.ACCEPTED, state.apply(new PrecinctCommand.Seal(bytes(16), KIOSK_1)).outcome());
        String sealed = PrecinctNodeConsole.counts(state);

        List<PrecinctCommand> late = List.of(new PrecinctCommand.CheckIn(bytes(16), KIOSK_2, bytes(32), 0),
                new PrecinctCommand.PaperMark(bytes(16), KIOSK_2, bytes(32)),
                new PrecinctCommand.IssueToken(bytes(16), KIOSK_2, bytes(16)),
                new PrecinctCommand.VoidToken(bytes(16), KIOSK_1, issued),
                new PrecinctCommand.RedeemToken(bytes(16), DESK, issued, false));
        for (PrecinctCommand command : late) {
            assertEquals(PrecinctOutcome.DAY_SEALED, state.apply(command).outcome(), command.getClass().getSimpleName());
        }
        assertEquals(sealed, PrecinctNodeConsole.counts(state), "a command after the seal changed the ledger");
        assertEquals(PrecinctOutcome.ACCEPTED, state.apply(new PrecinctCommand.Seal(bytes(16), KIOSK_2)).outcome());
    }

    @Test
    void aPaperMarkEnteredAfterAnOutageBlocksALaterCheckIn() {
        PrecinctLedgerState state = new PrecinctLedgerState();
        byte[] voter = bytes(32);
        assertEquals(PrecinctOutcome.ACCEPTED, state.apply(new PrecinctCommand.PaperMark(bytes(16), KIOSK_1, voter))
                .outcome());
        assertEquals(PrecinctOutcome.ALREADY_CHECKED_IN, state.apply(new PrecinctCommand.CheckIn(bytes(16), KIOSK_2,
                voter, 0)).outcome());
    }

    @Test
    void aRepeatedCommandIdIsAnsweredWithItsOutcomeAndNotAppliedAgain() {
        PrecinctLedgerState state = new PrecinctLedgerState();
        PrecinctCommand checkIn = new PrecinctCommand.CheckIn(bytes(16), KIOSK_1, bytes(32), 0);
        assertEquals(new PrecinctLedgerState.Applied(PrecinctOutcome.ACCEPTED, false), state.apply(checkIn));
        assertEquals(new PrecinctLedgerState.Applied(PrecinctOutcome.ACCEPTED, true), state.apply(checkIn));
        assertEquals(1, state.total(PrecinctLedgerState.Count.CHECK_IN_FINGERPRINT));
    }

    @Test
    void theBallotDeskRedeemsOnlyIssuedTokensOnceAndNeverVoidedOnes() {
        PrecinctLedgerState state = new PrecinctLedgerState();
        byte[] token = bytes(16);
        byte[] voided = bytes(16);
        assertEquals(PrecinctOutcome.UNKNOWN_TOKEN, redeem(state, token));
        state.apply(new PrecinctCommand.IssueToken(bytes(16), KIOSK_1, token));
        state.apply(new PrecinctCommand.IssueToken(bytes(16), KIOSK_2, voided));
        assertEquals(PrecinctOutcome.ALREADY_ISSUED, state.apply(new PrecinctCommand.IssueToken(bytes(16), KIOSK_2,
                token)).outcome());
        assertEquals(PrecinctOutcome.ACCEPTED, state.apply(new PrecinctCommand.VoidToken(bytes(16), KIOSK_2, voided))
                .outcome());
        assertEquals(PrecinctOutcome.ACCEPTED, redeem(state, token));
        assertEquals(PrecinctOutcome.ALREADY_REDEEMED, redeem(state, token));
        assertEquals(PrecinctOutcome.TOKEN_VOIDED, redeem(state, voided));
        assertEquals(2, state.total(PrecinctLedgerState.Count.TOKEN_ISSUED));
        assertEquals(1, state.total(PrecinctLedgerState.Count.TOKEN_VOIDED));
        assertEquals(1, state.count(DESK, PrecinctLedgerState.Count.TOKEN_REDEEMED));
    }

    private PrecinctOutcome redeem(PrecinctLedgerState state, byte[] token) {
        return state.apply(new PrecinctCommand.RedeemToken(bytes(16), DESK, token, false)).outcome();
    }

    @Test
    void aWithdrawnNodeCannotBeAuthorisedAgain() {
        PrecinctLedgerState state = new PrecinctLedgerState();
        NodeName spare = new NodeName("kiosk-4");
        String fingerprint = "ab".repeat(32);
        assertEquals(PrecinctOutcome.ACCEPTED, state.apply(new PrecinctCommand.AuthoriseNode(bytes(16), KIOSK_1, spare,
                NodeRole.KIOSK, fingerprint)).outcome());
        assertEquals(fingerprint, state.authorised().get(spare).fingerprint());
        state.apply(new PrecinctCommand.WithdrawNode(bytes(16), KIOSK_1, spare));
        assertTrue(state.isWithdrawn(spare));
        assertEquals(PrecinctOutcome.NOT_AUTHORISED, state.apply(new PrecinctCommand.AuthoriseNode(bytes(16), KIOSK_1,
                spare, NodeRole.KIOSK, fingerprint)).outcome());
    }

    @Test
    void theSnapshotIsTheSameWhateverTheArrivalOrderAndRestoresTheState() throws IOException {
        List<PrecinctCommand> commands = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            commands.add(new PrecinctCommand.CheckIn(bytes(16), i % 2 == 0 ? KIOSK_1 : KIOSK_2, bytes(32), 0));
            commands.add(new PrecinctCommand.IssueToken(bytes(16), i % 2 == 0 ? KIOSK_1 : KIOSK_2, bytes(16)));
        }
        PrecinctLedgerState inOrder = new PrecinctLedgerState();
        commands.forEach(inOrder::apply);
        List<PrecinctCommand> shuffled = new ArrayList<>(commands);
        Collections.shuffle(shuffled, random);
        PrecinctLedgerState otherOrder = new PrecinctLedgerState();
        shuffled.forEach(otherOrder::apply);
        byte[] snapshot = snapshot(inOrder);
        assertArrayEquals(snapshot, snapshot(otherOrder), "the snapshot must not depend on arrival order");
        PrecinctLedgerState restored = new PrecinctLedgerState();
        restored.readFrom(new DataInputStream(new ByteArrayInputStream(snapshot)));
        assertArrayEquals(snapshot, snapshot(restored));
        assertEquals(200, restored.checkedInCount());
        assertEquals(100, restored.count(KIOSK_2, PrecinctLedgerState.Count.TOKEN_ISSUED));
    }

    @Test
    void theFirstRegisterAKioskOpensWithIsThePrecinctsAndAnotherVersionOrPackageIsRefused() throws IOException {
        PrecinctLedgerState state = new PrecinctLedgerState();
        assertEquals(Optional.empty(), state.register());
        assertEquals(PrecinctOutcome.ACCEPTED, open(state, KIOSK_1, 3, PACKAGE));
        assertEquals(PrecinctOutcome.ACCEPTED, open(state, KIOSK_1, 3, PACKAGE), "the same kiosk opening again");
        assertEquals(PrecinctOutcome.ACCEPTED, open(state, KIOSK_2, 3, PACKAGE), "another kiosk, the same package");
        assertEquals(PrecinctOutcome.REGISTER_MISMATCH, open(state, KIOSK_2, 4, PACKAGE), "a newer version");
        assertEquals(PrecinctOutcome.REGISTER_MISMATCH, open(state, KIOSK_2, 2, PACKAGE), "an older version");
        assertEquals(PrecinctOutcome.REGISTER_MISMATCH, open(state, KIOSK_2, 3, REBUILT),
                "the same version in another package (rebuilt, or built for one kiosk)");
        assertEquals(Optional.of(new PrecinctLedgerState.AgreedRegister(3, PACKAGE)), state.register(),
                "the first register stays the precinct's");

        PrecinctLedgerState restored = new PrecinctLedgerState();
        restored.readFrom(new DataInputStream(new ByteArrayInputStream(snapshot(state))));
        assertEquals(state.register(), restored.register(), "the agreed register survives a snapshot");
        assertArrayEquals(snapshot(state), snapshot(restored));
        assertEquals(PrecinctOutcome.REGISTER_MISMATCH, open(restored, KIOSK_2, 4, PACKAGE));
        assertEquals(PrecinctOutcome.REGISTER_MISMATCH, open(restored, KIOSK_2, 3, REBUILT));
        assertEquals(PrecinctOutcome.ACCEPTED, open(restored, new NodeName("kiosk-3"), 3, PACKAGE));

        byte[] wire = PrecinctCommand.encode(new PrecinctCommand.OpenRegister(bytes(16), KIOSK_1, 3, PACKAGE));
        PrecinctCommand decoded = PrecinctCommand.decode(wire, 0, wire.length);
        assertEquals(PACKAGE, ((PrecinctCommand.OpenRegister) decoded).packageSha256());
        assertArrayEquals(wire, PrecinctCommand.encode(decoded));
        assertThrows(IllegalArgumentException.class, () -> PrecinctCommand.decode(wire, 0, wire.length - 1));
        assertThrows(IllegalArgumentException.class,
                () -> new PrecinctCommand.OpenRegister(bytes(16), KIOSK_1, 0, PACKAGE));
        assertThrows(IllegalArgumentException.class,
                () -> new PrecinctCommand.OpenRegister(bytes(16), KIOSK_1, 3, PACKAGE.toUpperCase(Locale.ROOT)));
        assertThrows(IllegalArgumentException.class,
                () -> new PrecinctCommand.OpenRegister(bytes(16), KIOSK_1, 3, PACKAGE.substring(2)));
    }

    private PrecinctOutcome open(PrecinctLedgerState state, NodeName kiosk, long version, String packageSha256) {
        return state.apply(new PrecinctCommand.OpenRegister(bytes(16), kiosk, version, packageSha256)).outcome();
    }

    @Test
    void aSnapshotOfAnotherFormatIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("sailau-precinct-ledger-4");
        }
        assertThrows(IOException.class, () -> new PrecinctLedgerState().readFrom(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))));
    }

    @Test
    void commandsRoundTripAndMalformedBytesAreRefused() {
        PrecinctCommand redeem = new PrecinctCommand.RedeemToken(bytes(16), DESK, bytes(16), true);
        byte[] wire = PrecinctCommand.encode(redeem);
        PrecinctCommand decoded = PrecinctCommand.decode(wire, 0, wire.length);
        assertArrayEquals(wire, PrecinctCommand.encode(decoded));
        assertThrows(IllegalArgumentException.class, () -> PrecinctCommand.decode(wire, 0, wire.length - 1));
        byte[] longer = java.util.Arrays.copyOf(wire, wire.length + 1);
        assertThrows(IllegalArgumentException.class, () -> PrecinctCommand.decode(longer, 0, longer.length));
        assertFalse(new PrecinctCommand.CheckIn(bytes(16), KIOSK_1, bytes(32), 0).toString().matches(".*[0-9a-f]{8}.*"));
    }

    @Test
    void theLedgerKeepsOnlyTheLatestStatusOfEachKioskAndItsSnapshotOrdersNothing() throws IOException {
        KioskStatus fingerNotRecognised = status(false, "clerk.FINGER_NOT_RECOGNISED");
        KioskStatus alreadyCheckedIn = status(true, "refusal.ALREADY_CHECKED_IN");
        List<PrecinctCommand> day = List.of(
                new PrecinctCommand.PublishStatus(bytes(16), KIOSK_1, fingerNotRecognised),
                new PrecinctCommand.PublishStatus(bytes(16), KIOSK_2, alreadyCheckedIn),
                new PrecinctCommand.PublishStatus(bytes(16), KIOSK_1, KioskStatus.QUIET));
        PrecinctLedgerState state = new PrecinctLedgerState();
        for (PrecinctCommand command : day) {
            assertEquals(PrecinctOutcome.ACCEPTED, state.apply(command).outcome());
        }
        assertEquals(java.util.Map.of(KIOSK_1, KioskStatus.QUIET, KIOSK_2, alreadyCheckedIn), state.statuses(),
                "one status per kiosk, the latest: the finger case kiosk-1 had is gone");

        // Two kiosks publishing in the other order end in the same snapshot: it says nothing of who came first.
        PrecinctLedgerState otherOrder = new PrecinctLedgerState();
        List.of(day.get(0), day.get(2), day.get(1)).forEach(otherOrder::apply);
        assertArrayEquals(snapshot(state), snapshot(otherOrder));
        byte[] snapshot = snapshot(state);
        assertEquals(-1, RawBytes.indexOf(snapshot, "FINGER_NOT_RECOGNISED".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), 0), "a replaced status is not kept");

        PrecinctLedgerState restored = new PrecinctLedgerState();
        restored.readFrom(new DataInputStream(new ByteArrayInputStream(snapshot)));
        assertEquals(state.statuses(), restored.statuses(), "the statuses survive a snapshot");
        assertArrayEquals(snapshot, snapshot(restored));
    }

    @Test
    void aStatusCarriesFixedCodesOnlyAndItsWireFormRoundTrips() {
        PrecinctCommand publish = new PrecinctCommand.PublishStatus(bytes(16), KIOSK_2,
                new KioskStatus(true, true, true, true, new java.util.TreeSet<>(List.of("clerk.VOTER_REQUEST",
                        "refusal.OTHER_PRECINCT"))));
        byte[] wire = PrecinctCommand.encode(publish);
        PrecinctCommand decoded = PrecinctCommand.decode(wire, 0, wire.length);
        assertEquals(((PrecinctCommand.PublishStatus) publish).status(),
                ((PrecinctCommand.PublishStatus) decoded).status());
        assertArrayEquals(wire, PrecinctCommand.encode(decoded));
        assertEquals(10, wire[1], "the status is kind 10 of wire version 1");
        assertThrows(IllegalArgumentException.class, () -> PrecinctCommand.decode(wire, 0, wire.length - 1));
        byte[] unknownFlag = wire.clone();
        unknownFlag[2 + PrecinctCommand.ID_LENGTH + 2 + KIOSK_2.value().length()] |= 0x40;
        assertThrows(IllegalArgumentException.class, () -> PrecinctCommand.decode(unknownFlag, 0, unknownFlag.length));
        // Free text, an IIN or a name cannot be a case: only source.KIND codes.
        for (String notACode : List.of("880101300123", "clerk.Aidar", "clerk.", "refusal.ALREADY CHECKED IN", "")) {
            assertThrows(IllegalArgumentException.class, () -> status(false, notACode), notACode);
        }
        java.util.SortedSet<String> tooMany = new java.util.TreeSet<>();
        for (char c = 'A'; c < 'A' + KioskStatus.MAX_CASES + 1; c++) {
            tooMany.add("clerk." + c);
        }
        assertThrows(IllegalArgumentException.class, () -> new KioskStatus(false, false, false, false, tooMany));
        assertTrue(status(false, "clerk.VOTER_REQUEST").needsAttention());
        assertFalse(KioskStatus.QUIET.needsAttention());
    }

    private static KioskStatus status(boolean callsClerk, String openCase) {
        return new KioskStatus(false, false, false, callsClerk, new java.util.TreeSet<>(List.of(openCase)));
    }

    private static byte[] snapshot(PrecinctLedgerState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            state.writeTo(out);
        }
        return bytes.toByteArray();
    }
}
