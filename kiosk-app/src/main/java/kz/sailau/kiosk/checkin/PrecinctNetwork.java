package kz.sailau.kiosk.checkin;

/**
 * The check-in engine's port to the precinct network a kiosk is a node of: the network's state now. The engine
 * asks it on every clock tick ({@link CheckInEngine#tick()}), so that a kiosk cut off from the majority says so
 * before a voter starts, and returns to the welcome screen by itself when the majority is back. A standalone kiosk
 * has no such port. Implementations answer at once, without waiting for the network.
 */
@FunctionalInterface
public interface PrecinctNetwork {

    /** The network's state as this node knows it now. */
    PrecinctNetworkStatus status();
}
