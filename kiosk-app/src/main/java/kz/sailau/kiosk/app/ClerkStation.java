package kz.sailau.kiosk.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.precinct.KioskStatus;
import kz.sailau.kiosk.precinct.NetworkState;
import kz.sailau.kiosk.precinct.PrecinctLedgerState;
import kz.sailau.kiosk.precinct.PrecinctLedgerState.Count;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.ui.ClerkStationModel;
import kz.sailau.kiosk.ui.ClerkStationModel.KioskLine;
import kz.sailau.kiosk.ui.ClerkStationModel.StationNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clerk station's wiring: reads the station node's replica of the ledger (every kiosk's latest
 * {@link KioskStatus}, the check-in counts per node) and its view of the network, and shows them on the
 * {@link ClerkStationModel} on the FX thread, about once a second; the check-in counts as read on the hour
 * ({@link CheckInsOnTheHour}). Reads only: the station commits nothing.
 */
public final class ClerkStation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClerkStation.class);

    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "clerk-station");
        thread.setDaemon(true);
        return thread;
    });

    private ClerkStation() {
    }

    /**
     * Follows {@code node} and shows what it reads on {@code model} every {@code period}, the check-in counts by the
     * system clock's hours.
     *
     * @param fxThread runs an action on the FX thread ({@code Platform::runLater})
     */
    public static ClerkStation follow(PrecinctNode node, ClerkStationModel model, Consumer<Runnable> fxThread,
                                      Duration period) {
        return follow(node, model, fxThread, period, Clock.systemDefaultZone());
    }

    /**
     * Follows {@code node} and shows what it reads on {@code model} every {@code period}.
     *
     * @param fxThread runs an action on the FX thread ({@code Platform::runLater})
     * @param clock    the polling station's clock and zone: the check-in counts move on its hours
     */
    public static ClerkStation follow(PrecinctNode node, ClerkStationModel model, Consumer<Runnable> fxThread,
                                      Duration period, Clock clock) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(fxThread, "fxThread");
        Objects.requireNonNull(clock, "clock");
        ClerkStation station = new ClerkStation();
        CheckInsOnTheHour onTheHour = new CheckInsOnTheHour();
        station.reader.scheduleWithFixedDelay(() -> {
            try {
                NetworkState network = node.networkState();
                List<KioskLine> lines = onTheHour.shown(node.read(state -> lines(state, network)),
                        clock.instant().atZone(clock.getZone()));
                StationNetwork own = new StationNetwork((int) network.members().stream()
                        .filter(network.reachable()::contains).count(), network.members().size(),
                        network.withMajority());
                fxThread.accept(() -> model.show(own, lines));
            } catch (RuntimeException e) {
                LOG.warn("clerk station: the precinct ledger could not be read: {}", e.toString());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return station;
    }

    /**
     * The kiosks as the station shows them: every node that published a status (a kiosk does from its opening),
     * and every voting member out of reach (a kiosk that died shows as not reachable); not the station itself. A
     * reachable member that never published (the ballot desk, a kiosk not opened yet) is not a kiosk to watch, nor
     * is a machine the administrator withdrew (its last status stays in the ledger).
     */
    static List<KioskLine> lines(PrecinctLedgerState state, NetworkState network) {
        Map<NodeName, KioskStatus> statuses = state.statuses();
        SortedSet<NodeName> shown = new TreeSet<>(statuses.keySet());
        network.members().stream().filter(member -> !network.reachable().contains(member)).forEach(shown::add);
        shown.remove(network.self());
        shown.removeIf(state::isWithdrawn);
        List<KioskLine> lines = new ArrayList<>();
        for (NodeName kiosk : shown) {
            KioskStatus status = statuses.getOrDefault(kiosk, KioskStatus.QUIET);
            long checkIns = state.count(kiosk, Count.CHECK_IN_FINGERPRINT) + state.count(kiosk, Count.CHECK_IN_CARDLESS)
                    + state.count(kiosk, Count.CHECK_IN_OVERRIDE) + state.count(kiosk, Count.CHECK_IN_FALLBACK);
            lines.add(new KioskLine(kiosk.value(), network.reachable().contains(kiosk), statuses.containsKey(kiosk),
                    status.paused(), status.fallback(), status.checksNobodyIn(), status.callsClerk(),
                    List.copyOf(status.openCases()), checkIns));
        }
        return lines;
    }

    /** Stops reading. */
    @Override
    public void close() {
        reader.shutdownNow();
    }
}
