package kz.sailau.kiosk.app;

import java.util.Objects;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.crypto.PrecinctVoterIndex;
import kz.sailau.kiosk.ledger.ReplicatedCheckInLedger;
import kz.sailau.kiosk.precinct.PrecinctNode;

/**
 * The election day of a kiosk that is a node of a precinct network: the one {@link ElectionDayAssembly} with its
 * ledger replaced ({@link ElectionDayAssembly#withLedger}) by the replicated conditional check-in
 * ({@link ReplicatedCheckInLedger}) over the kiosk's own SQLite ledger, with the precinct's voter index
 * ({@link PrecinctVoterIndex}). Everything else, the engine, the token issuer, the devices, is the standalone
 * kiosk's. A standalone kiosk never comes here.
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
                voterIndex));
    }
}
