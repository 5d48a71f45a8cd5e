package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.app.ClerkStation;
import kz.sailau.kiosk.app.KioskStatusPublisher;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.testing.ManualClock;
import kz.sailau.kiosk.ui.ClerkStationModel;
import kz.sailau.kiosk.ui.ClerkStationView;
import kz.sailau.kiosk.ui.KioskView;
import kz.sailau.kiosk.ui.Language;
import kz.sailau.kiosk.ui.LanguageViewModel;
import kz.sailau.kiosk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The clerk station over a real precinct network in this JVM (two kiosks and the station, real TCP, mutual TLS and
 * Raft): a kiosk whose finger check failed publishes its status through the ledger, and the station's screen, reading
 * its own replica, sends the clerk there in the kiosk console's words; when the clerk resolves it at the kiosk, the
 * case leaves the station's screen. The kiosk's check-ins are counted from the ledger.
 */
@ExtendWith(ApplicationExtension.class)
class ClerkStationPrecinctIT {

    private static final Messages EN = Messages.of(Language.ENGLISH);
    private static final CheckInState IDLE = new CheckInState.AwaitingCard(Optional.empty(), 0);

    @TempDir
    Path temp;

    private final ClerkStationModel model = new ClerkStationModel();
    private Scene scene;

    @Start
    void start(Stage stage) {
        LanguageViewModel language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        scene = new Scene(new ClerkStationView(model, language), 1024, 768);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aKioskWithAnOpenCaseAppearsOnTheStationAndLeavesItWhenResolved(FxRobot robot) throws Exception {
        Map<String, NodeRole> machines = InProcessPrecinct.kiosks(2);
        machines.put("station-1", NodeRole.CLERK_STATION);
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), new PrecinctId(4712), 36)) {
            precinct.startAll(machines, 60);
            ManualClock clock = new ManualClock(Instant.parse("2026-12-06T05:20:00Z"));
            try (KioskStatusPublisher kiosk1 = KioskStatusPublisher.to(precinct.node("kiosk-1"));
                 KioskStatusPublisher kiosk2 = KioskStatusPublisher.to(precinct.node("kiosk-2"));
                 ClerkStation station = ClerkStation.follow(precinct.node("station-1"), model, Platform::runLater,
                         Duration.ofMillis(100), clock)) {
                kiosk1.observe(IDLE, Optional.empty());
                kiosk2.observe(IDLE, Optional.empty());
                awaitText("#station-kiosk-2-state", "kiosk-2 — " + EN.get("station.state.working"));
                assertNull(lookup("#station-kiosk-2-go"), "a quiet kiosk needs nobody");
                assertNull(lookup("#station-station-1-state"), "the station does not watch itself");

                // The finger check failed at kiosk-2: the voter waits there for a commission member.
                kiosk2.observe(new CheckInState.NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED, Optional.empty()),
                        Optional.empty());
                awaitText("#station-kiosk-2-go", EN.get("station.goTo", "kiosk-2"));
                assertEquals(EN.get(ClerkReason.FINGER_NOT_RECOGNISED.messageKey()), text("#station-kiosk-2-case-0"));
                assertNull(lookup("#station-kiosk-1-go"));

                // The clerk resolved it at the kiosk (an override, a check-in): the case is gone, the count is up.
                byte[] voter = new byte[PrecinctCommand.VOTER_INDEX_LENGTH];
                new Random(7).nextBytes(voter);
                // With the retry of an election under load (one id), as the kiosk's ledger does (session H65).
                assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.node("kiosk-2"),
                        id -> new PrecinctCommand.CheckIn(id, new NodeName("kiosk-2"), voter, 2), 60));
                kiosk2.observe(IDLE, Optional.empty());
                // The count moves on the hour only (decision 0514): once the station's replica holds the check-in.
                InProcessPrecinct.await(() -> precinct.node("station-1").read(s -> s.checkedInCount()) == 1, 20,
                        () -> "the station's replica holds no check-in");
                clock.advance(Duration.ofHours(1));
                awaitText("#station-kiosk-2-checkins", EN.get("station.checkIns", 1));
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#station-kiosk-2-go") == null);
                assertNull(lookup("#station-kiosk-2-case-0"));
                // Every replica holds one status per kiosk, the latest.
                for (NodeName name : precinct.nodes.keySet()) {
                    InProcessPrecinct.await(() -> precinct.nodes.get(name).read(s -> s.statuses()).equals(Map.of(
                            new NodeName("kiosk-1"), KioskStatus.QUIET, new NodeName("kiosk-2"), KioskStatus.QUIET)),
                            20, () -> name + " holds " + precinct.nodes.get(name).read(s -> s.statuses()));
                }
            }
        }
    }

    private void awaitText(String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup(id) instanceof Label label
                    && expected.equals(label.getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " never said \"" + expected + "\"; it says "
                    + (lookup(id) instanceof Label label ? "\"" + label.getText() + "\"" : "nothing"), e);
        }
    }

    private Node lookup(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> scene.lookup(id)).get(5, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return ((Label) lookup(id)).getText();
    }
}
