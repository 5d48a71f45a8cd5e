package kz.sailau.kiosk.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the clerk station shows: every kiosk of the precinct with its cases, and the station's own place on the
 * network. The wiring reads the station's replica of the ledger and calls {@link #show} on the FX thread; the view
 * renders it. Holds no JavaFX nodes and is tested without a screen. The station resolves nothing: the voter is at
 * the kiosk, so the clerk goes there (the view says "go to kiosk-2").
 */
public final class ClerkStationModel {

    /**
     * One kiosk as the station shows it. Flags and fixed case codes only (see {@code OpenCase}): nothing about a
     * voter.
     *
     * @param name           the kiosk's node name
     * @param reachable      the station is connected with it now
     * @param reported       the kiosk published a status today (a kiosk that never opened has none)
     * @param paused         the clerk paused it
     * @param fallback       it is in the manual fallback procedure
     * @param checksNobodyIn it refuses check-ins (cut off, or another register version)
     * @param callsClerk     it calls a commission member
     * @param openCases      its open cases, as codes such as {@code clerk.FINGER_NOT_RECOGNISED}
     * @param checkIns       the check-ins it recorded today (from the ledger's counts)
     */
    public record KioskLine(String name, boolean reachable, boolean reported, boolean paused, boolean fallback,
                            boolean checksNobodyIn, boolean callsClerk, List<String> openCases, long checkIns) {

        /** Copies the cases. */
        public KioskLine {
            Objects.requireNonNull(name, "name");
            openCases = List.copyOf(openCases);
        }

        /** Whether a commission member should go to this kiosk: a case open, a call, or no check-ins possible. */
        public boolean needsClerk() {
            return reachable && (callsClerk || checksNobodyIn || !openCases.isEmpty());
        }
    }

    /**
     * The station's own place on the precinct network.
     *
     * @param reachable    machines of the members in reach
     * @param members      voting members
     * @param withMajority the station reaches the majority (else what it shows may be out of date)
     */
    public record StationNetwork(int reachable, int members, boolean withMajority) {
    }

    private final ReadOnlyObjectWrapper<List<KioskLine>> kiosks = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Optional<StationNetwork>> network =
            new ReadOnlyObjectWrapper<>(Optional.empty());

    /** The kiosks, by name. */
    public ReadOnlyObjectProperty<List<KioskLine>> kiosksProperty() {
        return kiosks.getReadOnlyProperty();
    }

    /** The station's network, once known. */
    public ReadOnlyObjectProperty<Optional<StationNetwork>> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** Shows a new reading (FX thread); a reading equal to the shown one changes nothing. */
    public void show(StationNetwork station, List<KioskLine> lines) {
        Objects.requireNonNull(station, "station");
        List<KioskLine> copy = List.copyOf(lines);
        if (!copy.equals(kiosks.get())) {
            kiosks.set(copy);
        }
        if (!network.get().equals(Optional.of(station))) {
            network.set(Optional.of(station));
        }
    }
}
