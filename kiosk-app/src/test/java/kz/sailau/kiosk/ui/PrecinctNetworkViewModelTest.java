package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Precinct network pane as state, without a screen (direct executors, a manual clock, a recording stand-in
 * for the node): each action checks first and changes nothing on a refusal, whose one message names what was
 * chosen and why; only the confirmation's "Yes" within its window changes the network; replace asks once for the
 * two machines; the list follows the network.
 */
class PrecinctNetworkViewModelTest {

    @TempDir
    Path media;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T09:00:00Z"));
    private final Confirmation confirmation = new Confirmation(clock);
    private final RecordingMembership membership = new RecordingMembership();

    /** Answers like a node of three kiosks, kiosk-1 itself; records each change asked. */
    private static final class RecordingMembership implements PrecinctMembership {
        final List<String> changes = new ArrayList<>();
        List<Member> members = new ArrayList<>(List.of(
                new Member("kiosk-1", Optional.of(NodeRole.KIOSK), true, false, true),
                new Member("kiosk-2", Optional.of(NodeRole.KIOSK), true, true, false),
                new Member("kiosk-3", Optional.empty(), false, false, false)));
        boolean running = true;

        @Override
        public Optional<Network> network() {
            return running ? Optional.of(new Network(members, true)) : Optional.empty();
        }

        @Override
        public Candidate check(Path certificate) throws AdministratorActions.AdministratorException {
            if (certificate.getFileName().toString().startsWith("other")) {
                throw new AdministratorActions.AdministratorException("node.error.otherPrecinct", "test");
            }
            return new Candidate("kiosk-4", NodeRole.KIOSK);
        }

        @Override
        public Optional<String> withdrawalRefusal(String member) {
            return member.equals("kiosk-1") ? Optional.of("node.refused.withdrawSelf") : Optional.empty();
        }

        @Override
        public Candidate admit(Path certificate) throws AdministratorActions.AdministratorException {
            Candidate candidate = check(certificate);
            changes.add("admit " + candidate.name());
            members.add(new Member(candidate.name(), Optional.of(candidate.role()), false, false, false));
            return candidate;
        }

        @Override
        public void withdraw(String member) {
            changes.add("withdraw " + member);
            members.removeIf(m -> m.name().equals(member));
        }

        @Override
        public Candidate replace(String dead, Path spareCertificate) throws AdministratorActions.AdministratorException {
            withdraw(dead);
            return admit(spareCertificate);
        }
    }

    private PrecinctNetworkViewModel model() throws Exception {
        Path stick = Files.createDirectories(media.resolve("STICK"));
        Files.writeString(stick.resolve("kiosk-4.crt.pem"), "TEST");
        Files.writeString(stick.resolve("other-precinct.crt.pem"), "TEST");
        Files.writeString(stick.resolve("register.srp"), "TEST");
        PrecinctNetworkViewModel model = new PrecinctNetworkViewModel(membership,
                new BackgroundWork(Runnable::run, Runnable::run), confirmation,
                new RemovableMedia(List.of(media + "/*")));
        model.refresh();
        model.certificate().lookAgain();
        return model;
    }

    private static void choose(PrecinctNetworkViewModel model, String file) {
        model.certificate().chosenProperty().set(model.certificate().choices().stream()
                .filter(path -> path.getFileName().toString().equals(file)).findFirst().orElseThrow());
    }

    @Test
    void theMembersAndOnlyTheCertificateFilesAreOffered() throws Exception {
        PrecinctNetworkViewModel model = model();
        assertEquals(List.of("kiosk-1", "kiosk-2", "kiosk-3"), model.members().stream()
                .map(PrecinctMembership.Member::name).toList());
        assertTrue(model.networkProperty().get().orElseThrow().withMajority());
        assertEquals(List.of("kiosk-4.crt.pem", "other-precinct.crt.pem"), model.certificate().choices().stream()
                .map(path -> path.getFileName().toString()).toList());
    }

    @Test
    void aNodeNotRunningYetShowsNoMembers() throws Exception {
        membership.running = false;
        PrecinctNetworkViewModel model = model();
        assertTrue(model.readProperty().get());
        assertTrue(model.networkProperty().get().isEmpty());
        assertTrue(model.members().isEmpty());
    }

    @Test
    void addingChecksTheCertificateThenAsksNamingTheMachineThenAdmitsIt() throws Exception {
        PrecinctNetworkViewModel model = model();
        model.askAdd();
        assertEquals(AdminMessage.error("admin.precinct.needCertificate"), model.messageProperty().get());
        choose(model, "kiosk-4.crt.pem");
        model.askAdd();
        assertEquals(Confirmation.Guarded.ADD_NODE, confirmation.pendingProperty().get());
        assertEquals(List.of("kiosk-4"), model.subjectProperty().get());
        assertEquals(List.of(), membership.changes, "asking changes nothing");
        model.confirmAdd();
        assertEquals(List.of("admit kiosk-4"), membership.changes);
        assertEquals(AdminMessage.success("admin.precinct.added", "kiosk-4"), model.messageProperty().get());
        assertEquals(4, model.members().size(), "the list is read again");
    }

    @Test
    void aCertificateOfAnotherPrecinctIsRefusedInOneLineNamingTheFileAndNothingIsAsked() throws Exception {
        PrecinctNetworkViewModel model = model();
        choose(model, "other-precinct.crt.pem");
        model.askAdd();
        assertEquals(AdminMessage.error("admin.precinct.refused", "other-precinct.crt.pem",
                new AdminMessage.Key("node.error.otherPrecinct")), model.messageProperty().get());
        assertNull(confirmation.pendingProperty().get());
        assertEquals("Not done for other-precinct.crt.pem: The node is for another polling station",
                model.messageProperty().get().text(Messages.of(Language.ENGLISH)));
        model.askReplace();
        assertEquals(AdminMessage.error("admin.precinct.needMember"), model.messageProperty().get());
        assertEquals(List.of(), membership.changes);
    }

    @Test
    void removingThisMachineIsRefusedBeforeAskingAndAnotherIsRemovedAfterTheYes() throws Exception {
        PrecinctNetworkViewModel model = model();
        model.askRemove();
        assertEquals(AdminMessage.error("admin.precinct.needMember"), model.messageProperty().get());
        model.chosenMemberProperty().set("kiosk-1");
        model.askRemove();
        assertNull(confirmation.pendingProperty().get());
        assertEquals("Not done for kiosk-1: a kiosk cannot remove itself: remove it from another machine of the "
                + "network", model.messageProperty().get().text(Messages.of(Language.ENGLISH)));
        model.chosenMemberProperty().set("kiosk-3");
        model.askRemove();
        assertEquals(Confirmation.Guarded.REMOVE_NODE, confirmation.pendingProperty().get());
        assertEquals(List.of("kiosk-3"), model.subjectProperty().get());
        model.confirmRemove();
        assertEquals(List.of("withdraw kiosk-3"), membership.changes);
        assertEquals(AdminMessage.success("admin.precinct.removed", "kiosk-3"), model.messageProperty().get());
        assertNull(model.chosenMemberProperty().get(), "a member no longer listed is no longer chosen");
    }

    @Test
    void aYesAfterTheWindowChangesNothing() throws Exception {
        PrecinctNetworkViewModel model = model();
        model.chosenMemberProperty().set("kiosk-3");
        model.askRemove();
        clock.advance(Confirmation.WINDOW.plus(Duration.ofSeconds(1)));
        model.confirmRemove();
        assertEquals(AdminMessage.warning("admin.confirm.expired"), model.messageProperty().get());
        assertEquals(List.of(), membership.changes);
    }

    @Test
    void replacingAsksOnceNamingBothThenWithdrawsTheDeadBeforeAdmittingTheSpare() throws Exception {
        PrecinctNetworkViewModel model = model();
        model.chosenMemberProperty().set("kiosk-3");
        model.askReplace();
        assertEquals(AdminMessage.error("admin.precinct.needCertificate"), model.messageProperty().get());
        choose(model, "kiosk-4.crt.pem");
        model.askReplace();
        assertEquals(Confirmation.Guarded.REPLACE_NODE, confirmation.pendingProperty().get());
        assertEquals(List.of("kiosk-3", "kiosk-4"), model.subjectProperty().get());
        assertEquals("Remove kiosk-3 for good, then add kiosk-4 in its place? Confirm within 30 s.",
                Messages.of(Language.ENGLISH).get(Confirmation.Guarded.REPLACE_NODE.consequenceKey(), 30,
                        "kiosk-3", "kiosk-4"));
        model.confirmReplace();
        assertEquals(List.of("withdraw kiosk-3", "admit kiosk-4"), membership.changes);
        assertEquals(AdminMessage.success("admin.precinct.replaced", "kiosk-3", "kiosk-4"),
                model.messageProperty().get());
        assertFalse(model.members().stream().anyMatch(m -> m.name().equals("kiosk-3")));
    }

    @Test
    void leavingThePaneForgetsTheMessage() throws Exception {
        PrecinctNetworkViewModel model = model();
        model.askAdd();
        model.clear();
        assertNull(model.messageProperty().get());
        assertFalse(model.readProperty().get());
    }
}
