package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.precinct.KioskStatus;
import kz.sailau.kiosk.precinct.NetworkState;
import kz.sailau.kiosk.precinct.PrecinctCommand;
import kz.sailau.kiosk.precinct.PrecinctLedgerState;
import kz.sailau.kiosk.ui.ClerkStationModel.KioskLine;
import org.junit.jupiter.api.Test;

/**
 * Which machines the clerk station lists and what it says of each, from its replica and its view of the network:
 * the kiosks that published, the members out of reach; not itself, not the ballot desk, not a withdrawn kiosk;
 * check-ins from the ledger's counts.
 */
class ClerkStationTest {

    private static final NodeName KIOSK_1 = new NodeName("kiosk-1");
    private static final NodeName KIOSK_2 = new NodeName("kiosk-2");
    private static final NodeName KIOSK_3 = new NodeName("kiosk-3");
    private static final NodeName OLD = new NodeName("kiosk-9");
    private static final NodeName DESK = new NodeName("desk-1");
    private static final NodeName STATION = new NodeName("station-1");
    private int ids;

    @Test
    void theStationListsEveryKioskThatOpenedAndEveryMemberOutOfReach() {
        PrecinctLedgerState state = new PrecinctLedgerState();
        KioskStatus finger = new KioskStatus(false, false, false, false,
                new TreeSet<>(List.of("clerk.FINGER_NOT_RECOGNISED")));
        state.apply(new PrecinctCommand.PublishStatus(id(), KIOSK_1, KioskStatus.QUIET));
        state.apply(new PrecinctCommand.PublishStatus(id(), KIOSK_2, finger));
        state.apply(new PrecinctCommand.PublishStatus(id(), OLD, finger));
        state.apply(new PrecinctCommand.WithdrawNode(id(), STATION, OLD));
        state.apply(new PrecinctCommand.CheckIn(id(), KIOSK_2, new byte[32], 0));
        byte[] other = new byte[32];
        other[0] = 1;
        state.apply(new PrecinctCommand.CheckIn(id(), KIOSK_2, other, 2));
        NetworkState network = new NetworkState(STATION, new TreeSet<>(List.of(KIOSK_1, KIOSK_2, KIOSK_3, DESK,
                STATION)), new TreeSet<>(List.of(KIOSK_1, KIOSK_2, DESK, STATION)), Optional.of(KIOSK_1), true);

        assertEquals(List.of(
                new KioskLine("kiosk-1", true, true, false, false, false, false, List.of(), 0),
                new KioskLine("kiosk-2", true, true, false, false, false, false,
                        List.of("clerk.FINGER_NOT_RECOGNISED"), 2),
                new KioskLine("kiosk-3", false, false, false, false, false, false, List.of(), 0)),
                ClerkStation.lines(state, network));
    }

    /**
     * A count that moves while the room watches tells everyone which minute the voter they saw at that kiosk was
     * checked in (decision 0201): the station showed each kiosk's live count, read every second (session H71). It
     * now shows the count read on the hour, from its first read on.
     */
    @Test
    void theCheckInCountsMoveOnlyOnTheHour() {
        ZoneId almaty = ZoneId.of("Asia/Almaty");
        ZonedDateTime opened = ZonedDateTime.of(2026, 12, 6, 10, 20, 0, 0, almaty);
        CheckInsOnTheHour onTheHour = new CheckInsOnTheHour();

        assertEquals(List.of(line("kiosk-1", 3)), onTheHour.shown(List.of(line("kiosk-1", 3)), opened));
        // A voter checks in at kiosk-1, another at kiosk-2 (opened since): nothing on the station moves.
        assertEquals(List.of(line("kiosk-1", 3), line("kiosk-2", 0)),
                onTheHour.shown(List.of(line("kiosk-1", 4), line("kiosk-2", 1)), opened.plusMinutes(25)));
        assertEquals(List.of(line("kiosk-1", 3), line("kiosk-2", 0)),
                onTheHour.shown(List.of(line("kiosk-1", 4), line("kiosk-2", 1)), opened.plusMinutes(39)));
        // 11:00: both counts at once.
        assertEquals(List.of(line("kiosk-1", 4), line("kiosk-2", 1)),
                onTheHour.shown(List.of(line("kiosk-1", 4), line("kiosk-2", 1)), opened.plusMinutes(40)));
        assertEquals(List.of(line("kiosk-1", 4), line("kiosk-2", 1)),
                onTheHour.shown(List.of(line("kiosk-1", 6), line("kiosk-2", 1)), opened.plusMinutes(99)));
    }

    private static KioskLine line(String kiosk, long checkIns) {
        return new KioskLine(kiosk, true, true, false, false, false, false, List.of(), checkIns);
    }

    private byte[] id() {
        byte[] id = new byte[PrecinctCommand.ID_LENGTH];
        id[0] = (byte) ++ids;
        return id;
    }
}
