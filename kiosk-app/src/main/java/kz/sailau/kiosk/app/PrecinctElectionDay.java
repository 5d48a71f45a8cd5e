package kz.sailau.kiosk.app;

import java.util.Objects;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.checkin.PrecinctNetworkStatus;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.crypto.PrecinctVoterIndex;
import kz.sailau.kiosk.ledger.ReplicatedCheckInLedger;
import kz.sailau.kiosk.precinct.NetworkState;
import kz.sailau.kiosk.precinct.PrecinctNode;

/**
 * The election day of a kiosk that is a node of a precinct network: the one {@link ElectionDayAssembly} with its
 * ledger replaced ({@link ElectionDayAssembly#withLedger}) by the replicated conditional check-in
 * ({@link ReplicatedCheckInLedger}) over the kiosk's own SQLite ledger, with the precinct's voter index
 * ({@link PrecinctVoterIndex}), and the engine follows the node's network state
 * ({@link ElectionDayAssembly#withNetwork}: the cut-off screen, the clerk console's network line). Everything else,
 * the engine, the token issuer, the devices, is the standalone kiosk's. A standalone kiosk never comes here.
 */
public final class PrecinctElectionDay {

    private PrecinctElectionDay() {
    }

    /**
     * @param standalone the kiosk's assembly
     * @param node       this kiosk's running node of the precinct network (stays the caller's to close)
     * @param tokenKey   the precinct token key (every kiosk of the precinct holds the same)
     */
    public static ElectionDayAssembly over(ElectionDayAssembly standalone, PrecinctNode node,
                                           PrecinctTokenKey tokenKey) {
        Objects.requireNonNull(standalone, "standalone");
        Objects.requireNonNull(node, "node");
        var voterIndex = PrecinctVoterIndex.of(tokenKey);
        return standalone.withLedger(assembly -> new ReplicatedCheckInLedger(assembly.sqliteLedger(), node,
                voterIndex)).withNetwork(() -> status(node.networkState()));
    }

    /** The node's view of the network as the check-in engine sees it: counts and names, nothing else. */
    static PrecinctNetworkStatus status(NetworkState state) {
        int reachable = (int) state.members().stream().filter(state.reachable()::contains).count();
        return new PrecinctNetworkStatus(state.self(), state.members().size(), reachable, state.leader(),
                state.withMajority());
    }
}
