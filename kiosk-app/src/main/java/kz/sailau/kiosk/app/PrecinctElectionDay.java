package kz.sailau.kiosk.app;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.checkin.NetworkCutOffException;
import kz.sailau.kiosk.checkin.PrecinctNetworkStatus;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.crypto.PrecinctVoterIndex;
import kz.sailau.kiosk.ledger.ReplicatedCheckInLedger;
import kz.sailau.kiosk.precinct.NetworkState;
import kz.sailau.kiosk.precinct.PrecinctLedgerState;
import kz.sailau.kiosk.precinct.PrecinctLedgerState.AgreedRegister;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import kz.sailau.kiosk.register.RegisterStore;

/**
 * The election day of a kiosk that is a node of a precinct network: the one {@link ElectionDayAssembly} with its
 * ledger replaced ({@link ElectionDayAssembly#withLedger}) by the replicated conditional check-in
 * ({@link ReplicatedCheckInLedger}) over the kiosk's own SQLite ledger, with the precinct's voter index
 * ({@link PrecinctVoterIndex}), and the engine follows the node's network state
 * ({@link ElectionDayAssembly#withNetwork}: the cut-off screen, the clerk console's network line). Everything else,
 * the engine, the token issuer, the devices, is the standalone kiosk's. A standalone kiosk never comes here.
 *
 * <p>The kiosk opens for check-ins with its register version (as the signed package states it and {@code register
 * load} recorded it): when the election day is assembled if the majority is reachable, else before its first
 * check-in. The precinct keeps the first version a kiosk opened with; a kiosk holding another shows the cut-off
 * screen and checks nobody in (logged with {@code precinct.error.registerMismatch}).
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
        Optional<AgreedRegister> register = standalone.database().read(RegisterStore::current)
                .map(loaded -> new AgreedRegister(loaded.version(), loaded.packageSha256()));
        return standalone.withLedger(assembly -> opened(new ReplicatedCheckInLedger(
                assembly.sqliteLedger().roomCheckedByCaller(), node,
                voterIndex, register), node)).withNetwork(() -> status(node.networkState(),
                refused(node, register)));
    }

    /** Opens the kiosk with its register now if the majority is reachable; else its first check-in does. */
    private static ReplicatedCheckInLedger opened(ReplicatedCheckInLedger ledger, PrecinctNode node) {
        if (node.networkState().withMajority()) {
            try {
                ledger.openRegister();
            } catch (PrecinctUnavailableException | NetworkCutOffException e) {
                // Logged by the ledger or retried at the first check-in; the engine's next tick shows the state.
            }
        }
        return ledger;
    }

    /** Whether the precinct opened with another register than this kiosk's (this node's replica). */
    static boolean refused(PrecinctNode node, Optional<AgreedRegister> own) {
        return own.isPresent() && node.read(PrecinctLedgerState::register)
                .map(agreed -> !agreed.equals(own.get())).orElse(false);
    }

    /**
     * The node's view of the network as the check-in engine sees it: counts and names, nothing else. A kiosk whose
     * register the precinct refused is never with the majority: it checks nobody in.
     */
    static PrecinctNetworkStatus status(NetworkState state, boolean registerRefused) {
        int reachable = (int) state.members().stream().filter(state.reachable()::contains).count();
        return new PrecinctNetworkStatus(state.self(), state.members().size(), reachable, state.leader(),
                state.withMajority() && !registerRefused, registerRefused);
    }
}
