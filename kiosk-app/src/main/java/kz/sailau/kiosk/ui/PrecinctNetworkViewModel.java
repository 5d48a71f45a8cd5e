package kz.sailau.kiosk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Precinct network pane as state: the members as this machine sees them (name, role, reachable, leader, this
 * machine), whether it is with the majority, the member chosen on the list, the node certificate chosen from the
 * removable media, and three guarded actions. Each action is checked first, changing nothing (the certificate
 * against the authority and the precinct as {@code admit} checks it; the withdrawal as {@code withdraw} checks it:
 * never this machine, never a member without which the rest reach no majority): a refusal is one message naming
 * what was chosen and why; only then the shared {@link Confirmation} asks, naming the machines, and only its "Yes"
 * does it, through {@link PrecinctMembership}. Holds no JavaFX node.
 */
public final class PrecinctNetworkViewModel {

    /** The certificate files the pane offers: node certificates are PEM files ({@code kiosk-4.crt.pem}). */
    static final String CERTIFICATE_EXTENSION = ".pem";

    private final PrecinctMembership membership;
    private final BackgroundWork work;
    private final Confirmation confirmation;
    private final FileChoiceModel certificate;
    private final ObservableList<PrecinctMembership.Member> members = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<PrecinctMembership.Network>> network =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Boolean> read = new ReadOnlyObjectWrapper<>(false);
    private final ObjectProperty<String> chosenMember = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<AdminMessage> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> subject = new ReadOnlyObjectWrapper<>(List.of());
    /** What the armed question is about: the member to withdraw and the certificate to admit. */
    private String pendingMember;
    private Path pendingCertificate;

    /**
     * @param membership   the capability
     * @param work         runs the work
     * @param confirmation the administrator screens' confirmation step
     * @param media        where the certificate files are looked for
     */
    public PrecinctNetworkViewModel(PrecinctMembership membership, BackgroundWork work, Confirmation confirmation,
                                    RemovableMedia media) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.work = Objects.requireNonNull(work, "work");
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(media, "media");
        this.certificate = new FileChoiceModel(work, () -> media.files(CERTIFICATE_EXTENSION), Optional.empty());
    }

    /** The voting members as last read, sorted by name. */
    public ObservableList<PrecinctMembership.Member> members() {
        return members;
    }

    /** The network as last read; empty while this machine's node is not running (or before the first read). */
    public ReadOnlyObjectProperty<Optional<PrecinctMembership.Network>> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** Whether the network was read at least once since the pane opened. */
    public ReadOnlyObjectProperty<Boolean> readProperty() {
        return read.getReadOnlyProperty();
    }

    /** The member chosen on the list (its name); null when none. */
    public ObjectProperty<String> chosenMemberProperty() {
        return chosenMember;
    }

    /** The node certificate file chosen from the removable media. */
    public FileChoiceModel certificate() {
        return certificate;
    }

    /** The pane's message; null when none. */
    public ReadOnlyObjectProperty<AdminMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The machines the armed question names (the confirmation's arguments after the seconds). */
    public ReadOnlyObjectProperty<List<String>> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** Reads the network again, without marking the screens busy (the pane calls it when shown and every few s). */
    public void refresh() {
        work.read(membership::network, this::show);
    }

    private void show(Optional<PrecinctMembership.Network> now) {
        network.set(now);
        read.set(true);
        List<PrecinctMembership.Member> list = now.map(PrecinctMembership.Network::members).orElse(List.of());
        if (!list.equals(members)) {
            String keep = chosenMember.get();
            members.setAll(list);
            chosenMember.set(list.stream().anyMatch(m -> m.name().equals(keep)) ? keep : null);
        }
    }

    /** "Add a machine": checks the chosen certificate, then asks, naming the machine. */
    public void askAdd() {
        Optional<Path> file = chosenCertificate();
        if (file.isEmpty()) {
            return;
        }
        checkThenAsk(() -> membership.check(file.get()), candidate -> {
            pendingMember = null;
            pendingCertificate = file.get();
            ask(Confirmation.Guarded.ADD_NODE, candidate.name());
        }, file.get().getFileName().toString());
    }

    /** "Yes, add": admits the machine, if the question is still open. */
    public void confirmAdd() {
        if (!confirmed(Confirmation.Guarded.ADD_NODE)) {
            return;
        }
        Path file = pendingCertificate;
        change(() -> membership.admit(file), admitted -> AdminMessage.success("admin.precinct.added",
                admitted.name()), file.getFileName().toString());
    }

    /** "Remove the machine": checks the chosen member may go, then asks, naming it. */
    public void askRemove() {
        Optional<String> member = chosenMemberOrSay();
        if (member.isEmpty()) {
            return;
        }
        checkThenAsk(() -> {
            refuseWithdrawal(member.get());
            return member.get();
        }, name -> {
            pendingMember = name;
            pendingCertificate = null;
            ask(Confirmation.Guarded.REMOVE_NODE, name);
        }, member.get());
    }

    /** "Yes, remove": withdraws the member, if the question is still open. */
    public void confirmRemove() {
        if (!confirmed(Confirmation.Guarded.REMOVE_NODE)) {
            return;
        }
        String member = pendingMember;
        change(() -> {
            membership.withdraw(member);
            return member;
        }, name -> AdminMessage.success("admin.precinct.removed", name), member);
    }

    /** "Replace it": checks the chosen member may go and the chosen certificate, then asks, naming both. */
    public void askReplace() {
        Optional<String> member = chosenMemberOrSay();
        if (member.isEmpty()) {
            return;
        }
        Optional<Path> file = chosenCertificate();
        if (file.isEmpty()) {
            return;
        }
        checkThenAsk(() -> {
            refuseWithdrawal(member.get());
            return membership.check(file.get());
        }, spare -> {
            pendingMember = member.get();
            pendingCertificate = file.get();
            ask(Confirmation.Guarded.REPLACE_NODE, member.get(), spare.name());
        }, member.get());
    }

    /** "Yes, replace": withdraws the dead member, then admits the spare, if the question is still open. */
    public void confirmReplace() {
        if (!confirmed(Confirmation.Guarded.REPLACE_NODE)) {
            return;
        }
        String dead = pendingMember;
        Path file = pendingCertificate;
        change(() -> membership.replace(dead, file), spare -> AdminMessage.success("admin.precinct.replaced", dead,
                spare.name()), dead);
    }

    /** Forgets the message and the question's subject (the pane is left or the screens are locked). */
    public void clear() {
        message.set(null);
        pendingMember = null;
        pendingCertificate = null;
        subject.set(List.of());
        read.set(false);
    }

    private void refuseWithdrawal(String member) throws AdministratorActions.AdministratorException {
        Optional<String> refusal = membership.withdrawalRefusal(member);
        if (refusal.isPresent()) {
            throw new AdministratorActions.AdministratorException(refusal.get(), "withdrawal of " + member
                    + " refused before asking");
        }
    }

    private Optional<Path> chosenCertificate() {
        Optional<Path> file = certificate.chosen();
        if (file.isEmpty()) {
            confirmation.cancel();
            message.set(AdminMessage.error("admin.precinct.needCertificate"));
        }
        return file;
    }

    private Optional<String> chosenMemberOrSay() {
        Optional<String> member = Optional.ofNullable(chosenMember.get());
        if (member.isEmpty()) {
            confirmation.cancel();
            message.set(AdminMessage.error("admin.precinct.needMember"));
        }
        return member;
    }

    private void ask(Confirmation.Guarded action, String... about) {
        subject.set(List.of(about));
        message.set(null);
        confirmation.ask(action);
    }

    private boolean confirmed(Confirmation.Guarded action) {
        if (!confirmation.confirm(action)) {
            message.set(AdminMessage.warning("admin.confirm.expired"));
            return false;
        }
        return true;
    }

    /** One blocking step of an action, run on the worker. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> void checkThenAsk(Step<T> check, Consumer<T> then, String chosen) {
        confirmation.cancel();
        if (!work.isBusy()) {
            message.set(AdminMessage.info("admin.precinct.checking"));
        }
        work.run(progress -> check.run(), then, failure -> message.set(refusal(failure, chosen)));
    }

    private <T> void change(Step<T> step, Function<T, AdminMessage> done, String chosen) {
        if (!work.isBusy()) {
            message.set(AdminMessage.info("admin.precinct.working"));
        }
        work.run(progress -> step.run(), result -> {
            message.set(done.apply(result));
            refresh();
        }, failure -> {
            message.set(refusal(failure, chosen));
            refresh();
        });
    }

    /** A refusal as one line: what was chosen and why ({@code admin.precinct.refused}). */
    private static AdminMessage refusal(Exception failure, String chosen) {
        AdminMessage reason = BackgroundWork.message(failure, "admin.precinct.error.failed");
        return AdminMessage.error("admin.precinct.refused", chosen, new AdminMessage.Key(reason.key()));
    }
}
