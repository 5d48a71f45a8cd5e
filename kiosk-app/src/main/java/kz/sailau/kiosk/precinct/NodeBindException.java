package kz.sailau.kiosk.precinct;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The node cannot listen on its precinct address: the port is taken by another program, or by another run of this
 * node. Nothing was started and nothing is recorded; the node never joined, so it is not "cut off" either. Message
 * key {@code node.error.bind}; the technical message names the address and port, never a key or a person.
 */
public final class NodeBindException extends PrecinctUnavailableException {

    /** The message key for the administrator. */
    public static final String MESSAGE_KEY = "node.error.bind";

    private static final long serialVersionUID = 1L;

    /** @param listen the address and port that could not be bound */
    public NodeBindException(InetSocketAddress listen) {
        super("cannot listen on " + Objects.requireNonNull(listen, "listen").getAddress().getHostAddress() + ":"
                + listen.getPort() + ": the port is taken by another program (is this node running already?)");
    }

    @Override
    public String messageKey() {
        return MESSAGE_KEY;
    }
}
