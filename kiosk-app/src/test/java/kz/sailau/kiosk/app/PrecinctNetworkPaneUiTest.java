package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctNodeConsole;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.ui.AdminTouch;
import kz.sailau.kiosk.ui.AdministratorActions;
import kz.sailau.kiosk.ui.AdministratorView;
import kz.sailau.kiosk.ui.AdministratorViewModel;
import kz.sailau.kiosk.ui.KioskScreens;
import kz.sailau.kiosk.ui.KioskView;
import kz.sailau.kiosk.ui.Language;
import kz.sailau.kiosk.ui.LanguageViewModel;
import kz.sailau.kiosk.ui.PrecinctMembership;
import kz.sailau.kiosk.ui.RemovableMedia;
import kz.sailau.kiosk.ui.ScreenChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import kz.sailau.kiosk.ui.Screenshots;

/**
 * The administrator's Precinct network pane on {@code kiosk-1} of a real precinct of three kiosks in this JVM
 * (loopback addresses, mutual TLS with TEST certificates, JGroups Raft), through {@link KioskPrecinctNetwork}: a
 * certificate of another precinct is refused in one line naming the file and why; a spare kiosk is added from its
 * TEST certificate on the "USB stick" (the node console, the same node methods, answers a retry of it as done and
 * refuses a member again and the node itself); removing this kiosk itself is refused; a member is removed; a member without
 * which the rest reach no majority is refused; a dead member is replaced by a second spare, withdrawn first. Every
 * change reaches the other nodes (their members), and each is in the audit events. The pane is then checked at the
 * kiosk's 1280 × 800 and at 1024 × 768 in the three languages ({@link ScreenChecks}).
 */
@ExtendWith(ApplicationExtension.class)
class PrecinctNetworkPaneUiTest {

    private static final char[] PASSPHRASE = "test-only node passphrase".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WAIT = 60;

    @TempDir
    static Path root;

    private static LoopbackPrecinct precinct;
    private static final Map<NodeName, PrecinctNode> NODES = new LinkedHashMap<>();
    private static Path stick;

    private final List<AuditEvent> audited = new ArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "precinct-pane-test-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final LanguageViewModel language = new LanguageViewModel();
    private AdministratorViewModel model;
    private Region view;
    private Stage stage;
    private Scene scene;

    @BeforeAll
    static void precinctOfThreeKiosks() throws Exception {
        AuthorityCredentials authority = AuthorityCredentials.generate("Test-only authority", Clock.systemUTC(),
                Duration.ofDays(2), RANDOM);
        precinct = new LoopbackPrecinct(root.resolve("network"), new PrecinctId(4711), authority, PASSPHRASE, 180,
                RANDOM, Clock.systemUTC());
        for (String kiosk : List.of("kiosk-1", "kiosk-2", "kiosk-3")) {
            precinct.add(kiosk, NodeRole.KIOSK);
        }
        List<NodeName> members = List.copyOf(precinct.machines().keySet());
        precinct.writeSettings(members);
        LoopbackPrecinct.Machine spare = precinct.add("kiosk-4", NodeRole.KIOSK);
        LoopbackPrecinct.Machine secondSpare = precinct.add("kiosk-5", NodeRole.KIOSK);
        // A stick's folder as deep as a real one, so its paths are wider than the list at 1024 × 768 (they wrap).
        stick = Files.createDirectories(root.resolve("media/administrator/SAILAU-PRECINCT-4711/node-certificates"));
        Files.copy(precinct.certificate(spare), stick.resolve("kiosk-4.crt.pem"));
        Files.copy(precinct.certificate(secondSpare), stick.resolve("kiosk-5.crt.pem"));
        try (LoopbackPrecinct other = new LoopbackPrecinct(root.resolve("other"), new PrecinctId(4712), authority,
                PASSPHRASE, 190, RANDOM, Clock.systemUTC())) {
            Files.copy(other.certificate(other.add("kiosk-1", NodeRole.KIOSK)),
                    stick.resolve("other-precinct-kiosk-1.crt.pem"));
        }
        for (NodeName member : members) {
            Path directory = precinct.machine(member).directory();
            NODES.put(member, PrecinctNode.start(PrecinctNodeSettings.read(directory.resolve(PrecinctNodeSettings.FILE),
                    directory.resolve("ledger")), NodeCredentials.unlock(directory, PASSPHRASE),
                    NodeCredentials.authorityOf(directory), RANDOM));
        }
        await(() -> NODES.values().stream().allMatch(n -> n.networkState().withMajority()
                && n.networkState().reachable().size() == 3), "the three kiosks never joined: " + states());
    }

    @AfterAll
    static void stop() throws IOException {
        NODES.values().forEach(PrecinctNode::close);
        NODES.clear();
        if (precinct != null) {
            precinct.close();
        }
    }

    /** Accepts the TEST passphrase; offers the precinct network of kiosk-1 and the TEST stick. */
    private final class Actions implements AdministratorActions {
        private final PrecinctMembership membership = new KioskPrecinctNetwork(
                () -> Optional.ofNullable(NODES.get(new NodeName("kiosk-1"))), audited::add);

        @Override
        public void unlock(char[] passphrase) throws AdministratorException {
            if (!new String(passphrase).equals("TEST passphrase")) {
                throw new AdministratorException("crypto.error.wrongPassphrase", "wrong (test)");
            }
        }

        @Override
        public RemovableMedia removableMedia() {
            return new RemovableMedia(List.of(root.resolve("media") + "/*"));
        }

        @Override
        public Optional<PrecinctMembership> precinctMembership() {
            return Optional.of(membership);
        }

        @Override
        public void exitKiosk() {
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        language.choose(Language.ENGLISH);
        model = new AdministratorViewModel(new Actions(), worker, Platform::runLater, Clock.systemUTC(), () -> { });
        view = KioskScreens.scrolling(new AdministratorView(model, language));
        scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void addRemoveAndReplaceMachinesFromTheAdministratorScreen(FxRobot robot) throws Exception {
        robot.clickOn("#admin-passphrase").write("TEST passphrase");
        robot.clickOn("#admin-unlock");
        awaitLabel("#admin-message", "Kiosk unlocked");
        AdminTouch.press(robot, scene, "#admin-precinct");
        awaitLabel("#precinct-state", "In the majority: this kiosk reaches 3 of 3 machines; machines can be added "
                + "and removed.");
        awaitRows("kiosk-1 — kiosk — reachable", "kiosk-2 — kiosk — reachable", "kiosk-3 — kiosk — reachable");
        assertTrue(rows().stream().anyMatch(row -> row.startsWith("kiosk-1 ") && row.endsWith("— this kiosk")),
                rows()::toString);
        assertTrue(rows().stream().filter(row -> row.contains("— leader")).count() == 1, rows()::toString);

        chooseCertificate("other-precinct-kiosk-1.crt.pem");
        AdminTouch.press(robot, scene, "#precinct-add");
        awaitLabel("#precinct-message", "Not done for other-precinct-kiosk-1.crt.pem: The node is for another "
                + "polling station");
        assertEquals(List.of("PRECINCT_MEMBERSHIP_REFUSED action=ADMIT refusal=node.error.otherPrecinct"),
                audit());

        chooseCertificate("kiosk-4.crt.pem");
        askThenConfirm(robot, "#precinct-add", "add-node", "Add kiosk-4 to the polling station network? It will "
                + "take part in every check-in decision. Confirm within 30 s.");
        awaitLabel("#precinct-message", "kiosk-4 added to the polling station network: it catches up while "
                + "check-ins go on");
        awaitRows("kiosk-1 — kiosk — reachable", "kiosk-2 — kiosk — reachable", "kiosk-3 — kiosk — reachable",
                "kiosk-4 — kiosk — NOT REACHABLE");
        awaitMembers("kiosk-1 kiosk-2 kiosk-3 kiosk-4");
        // The node console goes through the same node methods: a lost answer retried is answered as it was, a
        // member of the precinct's own is refused, and so is withdrawing the machine itself.
        PrecinctNodeConsole console = new PrecinctNodeConsole(NODES.get(new NodeName("kiosk-1")), System::nanoTime);
        assertTrue(console.answer("admit " + stick.resolve("kiosk-4.crt.pem")).startsWith("admit ACCEPTED "));
        assertTrue(console.answer("admit " + precinct.certificate(precinct.machine(new NodeName("kiosk-2"))))
                .startsWith("error node.refused.alreadyMember "));
        assertTrue(console.answer("withdraw kiosk-1").startsWith("error node.refused.withdrawSelf "));

        choose(robot, "kiosk-1");
        AdminTouch.press(robot, scene, "#precinct-remove");
        awaitLabel("#precinct-message", "Not done for kiosk-1: a kiosk cannot remove itself: remove it from "
                + "another machine of the network");

        choose(robot, "kiosk-3");
        askThenConfirm(robot, "#precinct-remove", "remove-node", "Remove kiosk-3 from the polling station network "
                + "for good? Its certificate will be refused from then on. Confirm within 30 s.");
        awaitLabel("#precinct-message", "kiosk-3 removed from the polling station network: its certificate is "
                + "refused from now on");
        awaitMembers("kiosk-1 kiosk-2 kiosk-4");

        // kiosk-4 is admitted but not running: without kiosk-2, kiosk-1 would be alone with a dead partner.
        choose(robot, "kiosk-2");
        AdminTouch.press(robot, scene, "#precinct-remove");
        awaitLabel("#precinct-message", "Not done for kiosk-2: without it the other machines would not reach a "
                + "majority of their own and the network could decide nothing; bring the unreachable machines "
                + "back first");

        choose(robot, "kiosk-4");
        chooseCertificate("kiosk-5.crt.pem");
        AdminTouch.press(robot, scene, "#precinct-replace");
        awaitLabel("#confirm-replace-node-text", "Remove kiosk-4 for good, then add kiosk-5 in its place? Confirm "
                + "within 30 s.", true);
        checkEverySizeAndLanguage(robot);
        AdminTouch.press(robot, scene, "#confirm-replace-node-yes");
        awaitLabel("#precinct-message", "kiosk-4 removed and kiosk-5 added in its place: it catches up while "
                + "check-ins go on");
        awaitMembers("kiosk-1 kiosk-2 kiosk-5");

        assertEquals(List.of("PRECINCT_MEMBERSHIP_REFUSED action=ADMIT refusal=node.error.otherPrecinct",
                "PRECINCT_MEMBER_ADMITTED certificate=" + fingerprint("kiosk-4") + " member=kiosk-4 role=KIOSK",
                "PRECINCT_MEMBER_WITHDRAWN member=kiosk-3",
                "PRECINCT_MEMBER_WITHDRAWN member=kiosk-4",
                "PRECINCT_MEMBER_ADMITTED certificate=" + fingerprint("kiosk-5") + " member=kiosk-5 role=KIOSK"), audit());
        boolean withdrawn = NODES.get(new NodeName("kiosk-2")).read(state -> state.isWithdrawn(new NodeName("kiosk-3"))
                && state.isWithdrawn(new NodeName("kiosk-4")));
        assertTrue(withdrawn, "the withdrawals are in kiosk-2's replica too");
    }

    /** Taps an action, reads its question in the yellow box, taps its "Yes". */
    private void askThenConfirm(FxRobot robot, String button, String action, String question) throws Exception {
        AdminTouch.press(robot, scene, button);
        awaitLabel("#confirm-" + action + "-text", question, true);
        AdminTouch.press(robot, scene, "#confirm-" + action + "-yes");
    }

    /** The pane with the replace question open, at both sizes in the three languages. */
    private void checkEverySizeAndLanguage(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1024, 768}}) {
            robot.interact(() -> {
                scene.setRoot(new Group());
                scene = new Scene(view, size[0], size[1]);
                scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
                stage.setScene(scene);
                stage.sizeToScene();
            });
            for (Language each : List.of(Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH)) {
                robot.interact(() -> language.choose(each));
                WaitForAsyncUtils.waitForFxEvents();
                // The check walks the whole pane, scrolled or not (inside the scroll pane: inside its width), and
                // finds any word broken across lines: a certificate's path wraps between its names, never inside.
                List<String> found = ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), false);
                found.forEach(problem -> problems.add(size[0] + "x" + size[1] + " " + each + ": " + problem));
                if (size[0] == 1280) {
                    robot.interact(() -> AdminTouch.reveal(scene.lookup("#precinct-title")));
                    screenshot("42-admin-precinct-members-" + each.locale().getLanguage());
                    robot.interact(() -> AdminTouch.reveal(scene.lookup("#precinct-certificate-title")));
                    screenshot("42-admin-precinct-replace-" + each.locale().getLanguage());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** As the ui tests' Screenshots helper: {@code target/screenshots/NAME.png}. */
    private void screenshot(String name) throws Exception {
        Screenshots.saveFromTest(scene, name);
    }

    private static String fingerprint(String machine) throws IOException {
        return NodeCertificates.identify(Pem.readCertificate(
                Files.readAllBytes(stick.resolve(machine + ".crt.pem"))), precinct.authority().certificate())
                .fingerprint();
    }

    private List<String> audit() {
        synchronized (audited) {
            return audited.stream().map(event -> event.type() + " " + event.fields().stream()
                    .map(field -> field.name() + "=" + field.value()).collect(Collectors.joining(" "))).toList();
        }
    }

    private void chooseCertificate(String file) throws Exception {
        var certificate = model.precinct().orElseThrow().certificate();
        await(() -> certificate.choices().stream().anyMatch(p -> p.getFileName().toString().equals(file)),
                "the stick's files were not offered");
        WaitForAsyncUtils.asyncFx(() -> certificate.chosenProperty().set(stick.resolve(file)))
                .get(5, TimeUnit.SECONDS);
    }

    /** Taps the member's row on the list. */
    private void choose(FxRobot robot, String member) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<PrecinctMembership.Member> list = (ListView<PrecinctMembership.Member>) scene.lookup(
                "#precinct-members");
        robot.interact(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).name().equals(member)) {
                    list.scrollTo(i);
                    list.getSelectionModel().select(i);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(member, model.precinct().orElseThrow().chosenMemberProperty().get());
    }

    private List<String> rows() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<PrecinctMembership.Member> list = (ListView<PrecinctMembership.Member>) scene.lookup(
                    "#precinct-members");
            return list.lookupAll(".list-cell").stream().map(cell -> ((ListCell<?>) cell)
                    .getText()).filter(text -> text != null).sorted().toList();
        }).get(5, TimeUnit.SECONDS);
    }

    /** Waits until the rows start with these texts, in order (each row may go on: leader, this kiosk). */
    private void awaitRows(String... starts) throws Exception {
        await(() -> {
            List<String> now = rows();
            if (now.size() != starts.length) {
                return false;
            }
            for (int i = 0; i < starts.length; i++) {
                if (!now.get(i).startsWith(starts[i])) {
                    return false;
                }
            }
            return true;
        }, "the members list");
    }

    /** Waits until every running node's voting members are these. */
    private static void awaitMembers(String members) throws Exception {
        await(() -> NODES.values().stream().allMatch(node -> node.networkState().members().stream()
                .map(NodeName::value).collect(Collectors.joining(" ")).equals(members)),
                "the members everywhere should be " + members + ": " + states());
    }

    private static Map<NodeName, String> states() {
        Map<NodeName, String> states = new LinkedHashMap<>();
        NODES.forEach((name, node) -> states.put(name, node.networkState().summary()));
        return states;
    }

    private void awaitLabel(String id, String expected) throws Exception {
        awaitLabel(id, expected, false);
    }

    private void awaitLabel(String id, String expected, boolean shown) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> scene.lookup(id) instanceof Label l
                    && expected.equals(l.getText()) && (!shown || l.isVisible()));
        } catch (java.util.concurrent.TimeoutException e) {
            String now = WaitForAsyncUtils.asyncFx(() -> scene.lookup(id) instanceof Label l ? l.getText() : "none")
                    .get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected " + id + " to read \"" + expected + "\" but it reads \"" + now
                    + "\"; " + states(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what, e);
        }
    }
}
