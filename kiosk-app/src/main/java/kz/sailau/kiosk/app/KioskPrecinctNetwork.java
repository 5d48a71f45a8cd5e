package kz.sailau.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kz.sailau.kiosk.audit.AdministrationEvents;
import kz.sailau.kiosk.audit.AdministrationEvents.MembershipAction;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.MachineFiles;
import kz.sailau.kiosk.crypto.NodeIdentity;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.precinct.NetworkState;
import kz.sailau.kiosk.precinct.PrecinctMembershipException;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctOutcome;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import kz.sailau.kiosk.ui.AdministratorActions.AdministratorException;
import kz.sailau.kiosk.ui.PrecinctMembership;

/**
 * The Precinct network pane over this kiosk's running node: the members from {@link PrecinctNode#networkState} and
 * {@link PrecinctNode#roles}, and every change through the node's own {@link PrecinctNode#admissible},
 * {@link PrecinctNode#admit} and {@link PrecinctNode#withdraw} (what {@code admit CERT} and {@code withdraw NAME}
 * do at the node console: no second implementation). Each change and each refusal is recorded in the kiosk's audit
 * log ({@code PRECINCT_MEMBER_ADMITTED}, {@code PRECINCT_MEMBER_WITHDRAWN}, {@code PRECINCT_MEMBERSHIP_REFUSED}:
 * machine names, roles, certificate hashes and refusal keys only). The node starts with the election day (the
 * voter screens or the pre-election test): before that the pane says so.
 */
public final class KioskPrecinctNetwork implements PrecinctMembership {

    /** A change the majority did not confirm in time: the pane's words for {@link PrecinctUnavailableException}. */
    static final String NOT_COMMITTED = "admin.precinct.error.notCommitted";
    /** A certificate file that cannot be read as PEM. */
    static final String UNREADABLE = "node.error.certificate";
    /** Admitting a machine the administrator withdrew earlier today. */
    static final String WITHDRAWN = "admin.precinct.error.withdrawn";

    private final Supplier<Optional<PrecinctNode>> node;
    private final Consumer<AuditEvent> audit;

    /**
     * @param node  this kiosk's node once it runs
     * @param audit records an event in the kiosk's audit log
     */
    public KioskPrecinctNetwork(Supplier<Optional<PrecinctNode>> node, Consumer<AuditEvent> audit) {
        this.node = Objects.requireNonNull(node, "node");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public Optional<Network> network() {
        // A node that has shut down (the kiosk closing) is no network to show: the pane says it is not running.
        return node.get().filter(PrecinctNode::running).map(running -> network(running.networkState(),
                running.roles()));
    }

    /** The network as the pane shows it: the members sorted by name, with what this node knows of each. */
    static Network network(NetworkState state, Map<NodeName, NodeRole> roles) {
        List<Member> members = new ArrayList<>();
        for (NodeName member : state.members()) {
            members.add(new Member(member.value(), Optional.ofNullable(roles.get(member)),
                    state.reachable().contains(member), state.leader().filter(member::equals).isPresent(),
                    member.equals(state.self())));
        }
        return new Network(members, state.withMajority());
    }

    @Override
    public Candidate check(Path certificate) throws AdministratorException {
        PrecinctNode running = running();
        NodeIdentity identity = admissible(running, certificate, MembershipAction.ADMIT);
        return new Candidate(identity.name().value(), identity.role());
    }

    @Override
    public Optional<String> withdrawalRefusal(String member) throws AdministratorException {
        return running().networkState().withdrawalRefusal(name(member, MembershipAction.WITHDRAW));
    }

    @Override
    public Candidate admit(Path certificate) throws AdministratorException {
        return admit(running(), certificate, MembershipAction.ADMIT);
    }

    @Override
    public void withdraw(String member) throws AdministratorException {
        withdraw(running(), name(member, MembershipAction.WITHDRAW), MembershipAction.WITHDRAW);
    }

    @Override
    public Candidate replace(String dead, Path spareCertificate) throws AdministratorException {
        PrecinctNode running = running();
        NodeName withdrawn = name(dead, MembershipAction.REPLACE);
        // Both checked before anything changes: a spare the authority did not certify keeps the dead machine in.
        admissible(running, spareCertificate, MembershipAction.REPLACE);
        Optional<String> refusal = running.networkState().withdrawalRefusal(withdrawn);
        if (refusal.isPresent()) {
            throw refused(MembershipAction.REPLACE, refusal.get(), "withdrawing " + withdrawn + " refused");
        }
        withdraw(running, withdrawn, MembershipAction.REPLACE);
        return admit(running, spareCertificate, MembershipAction.REPLACE);
    }

    private Candidate admit(PrecinctNode running, Path certificate, MembershipAction action)
            throws AdministratorException {
        X509Certificate read = read(certificate, action);
        NodeIdentity identity = admissible(running, read, action);
        PrecinctOutcome outcome = change(action, () -> running.admit(read));
        if (outcome == PrecinctOutcome.NOT_AUTHORISED) {
            throw refused(action, WITHDRAWN, identity.name() + " was withdrawn earlier");
        }
        if (outcome != PrecinctOutcome.ACCEPTED) {
            throw refused(action, NOT_COMMITTED, "admit " + identity.name() + " answered " + outcome);
        }
        audit.accept(AdministrationEvents.memberAdmitted(identity.name(), identity.role(), identity.fingerprint()));
        return new Candidate(identity.name().value(), identity.role());
    }

    private void withdraw(PrecinctNode running, NodeName member, MembershipAction action)
            throws AdministratorException {
        PrecinctOutcome outcome = change(action, () -> running.withdraw(member));
        if (outcome != PrecinctOutcome.ACCEPTED) {
            throw refused(action, NOT_COMMITTED, "withdraw " + member + " answered " + outcome);
        }
        audit.accept(AdministrationEvents.memberWithdrawn(member));
    }

    private PrecinctOutcome change(MembershipAction action, Supplier<PrecinctOutcome> change)
            throws AdministratorException {
        try {
            return change.get();
        } catch (PrecinctMembershipException e) {
            throw refused(action, e.messageKey(), e.getMessage());
        } catch (KioskCryptoException e) {
            throw refused(action, keyOf(e), e.getMessage());
        } catch (PrecinctUnavailableException e) {
            throw refused(action, NOT_COMMITTED, e.getMessage());
        }
    }

    private NodeIdentity admissible(PrecinctNode running, Path certificate, MembershipAction action)
            throws AdministratorException {
        return admissible(running, read(certificate, action), action);
    }

    private NodeIdentity admissible(PrecinctNode running, X509Certificate certificate, MembershipAction action)
            throws AdministratorException {
        try {
            return running.admissible(certificate);
        } catch (KioskCryptoException e) {
            throw refused(action, keyOf(e), e.getMessage());
        } catch (PrecinctMembershipException e) {
            throw refused(action, e.messageKey(), e.getMessage());
        }
    }

    /**
     * The administrator's words for a certificate refused: the node's {@code node.refused.otherPrecinct} is worded
     * for a peer on the wire, so the pane says {@code node.error.otherPrecinct} ("The node is for another polling
     * station").
     */
    private static String keyOf(KioskCryptoException e) {
        return "node.refused.otherPrecinct".equals(e.messageKey()) ? "node.error.otherPrecinct" : e.messageKey();
    }

    private X509Certificate read(Path certificate, MembershipAction action) throws AdministratorException {
        Objects.requireNonNull(certificate, "certificate");
        try {
            return Pem.readCertificate(MachineFiles.read(certificate));
        } catch (IOException | RuntimeException e) {
            throw refused(action, UNREADABLE, "the certificate file cannot be read as PEM: "
                    + e.getClass().getSimpleName());
        }
    }

    private NodeName name(String member, MembershipAction action) throws AdministratorException {
        try {
            return new NodeName(Objects.requireNonNull(member, "member"));
        } catch (IllegalArgumentException e) {
            throw refused(action, "node.error.name", "not a machine name");
        }
    }

    private PrecinctNode running() throws AdministratorException {
        return node.get().orElseThrow(() -> new AdministratorException("admin.precinct.notRunning",
                "the precinct node is not running yet"));
    }

    private AdministratorException refused(MembershipAction action, String key, String technical) {
        audit.accept(AdministrationEvents.membershipRefused(action, key));
        return new AdministratorException(key, technical);
    }
}
