package kz.sailau.kiosk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.NodeRole;

/**
 * The administrator's capability, on a kiosk that is a node of its precinct network, to see the network's members
 * and to add, remove and replace machines (the "Precinct network" pane). Every change goes through the node's own
 * admit and withdraw, as {@code admit CERT} and {@code withdraw NAME} at the node console; the implementation
 * records each in the kiosk's audit log. Failures are {@link AdministratorActions.AdministratorException}s with a
 * message key. Methods block: the pane calls them on the worker ({@link BackgroundWork}).
 */
public interface PrecinctMembership {

    /**
     * One voting member as this machine sees it.
     *
     * @param name      the machine's name, e.g. {@code kiosk-2}
     * @param role      its role, when this machine has checked its certificate
     * @param reachable whether this machine is connected with it now
     * @param leader    whether it is the leader this machine follows
     * @param self      whether it is this machine
     */
    record Member(String name, Optional<NodeRole> role, boolean reachable, boolean leader, boolean self) {
        /** @throws NullPointerException on null */
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * The network now.
     *
     * @param members      the voting members, sorted by name
     * @param withMajority whether this machine reaches a majority of them and knows the leader (changes commit)
     */
    record Network(List<Member> members, boolean withMajority) {
        /** Copies the list. */
        public Network {
            members = List.copyOf(members);
        }
    }

    /**
     * A machine a certificate names, checked against the authority and the precinct.
     *
     * @param name its name
     * @param role its role
     */
    record Candidate(String name, NodeRole role) {
        /** @throws NullPointerException on null */
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }
    }

    /** The network as this machine sees it; empty while this machine's node is not running yet. */
    Optional<Network> network();

    /**
     * Checks a node certificate file as admitting it would, changing nothing.
     *
     * @throws AdministratorActions.AdministratorException the refusal's key (e.g. {@code node.error.otherPrecinct},
     *                                                     {@code node.error.uncertified})
     */
    Candidate check(Path certificate) throws AdministratorActions.AdministratorException;

    /**
     * Why withdrawing {@code member} would be refused now (a message key), or empty when it may go.
     *
     * @throws AdministratorActions.AdministratorException when the node is not running
     */
    Optional<String> withdrawalRefusal(String member) throws AdministratorActions.AdministratorException;

    /**
     * Admits the machine the certificate names.
     *
     * @return the admitted machine
     * @throws AdministratorActions.AdministratorException the refusal's key; nothing changed
     */
    Candidate admit(Path certificate) throws AdministratorActions.AdministratorException;

    /**
     * Withdraws a machine: it is removed from the members and its certificate refused from then on.
     *
     * @throws AdministratorActions.AdministratorException the refusal's key; nothing changed
     */
    void withdraw(String member) throws AdministratorActions.AdministratorException;

    /**
     * Replaces a dead machine by a spare, in the documented order: checks both first, withdraws {@code dead},
     * then admits the spare.
     *
     * @return the admitted spare
     * @throws AdministratorActions.AdministratorException the refusal's key: nothing changed when the checks
     *                                                     refuse; the dead machine stays withdrawn when only the
     *                                                     admission fails (the key says which)
     */
    Candidate replace(String dead, Path spareCertificate) throws AdministratorActions.AdministratorException;
}
