package kz.sailau.kiosk.crypto;

import java.util.Objects;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * Who a node certificate says its holder is, after {@link NodeCertificates#identify} checked that the authority
 * issued it: the machine's name, its role and its precinct, and the SHA-256 fingerprint of the certificate (hex),
 * by which the replicated ledger authorises members added during the day. Holds no personal data.
 *
 * @param name        the node's name (certificate common name)
 * @param role        the node's role
 * @param precinct    the node's precinct
 * @param fingerprint lower-case hex SHA-256 of the DER certificate
 */
public record NodeIdentity(NodeName name, NodeRole role, PrecinctId precinct, String fingerprint) {

    /** @throws NullPointerException on a null field */
    public NodeIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public String toString() {
        return name + " (" + role.label() + ", precinct " + precinct + ")";
    }
}
