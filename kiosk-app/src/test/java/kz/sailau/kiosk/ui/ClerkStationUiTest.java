package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.OpenCase;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.ui.ClerkStationModel.KioskLine;
import kz.sailau.kiosk.ui.ClerkStationModel.StationNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The clerk station's screen over a busy precinct (a finger not recognised with the voter calling, a voter already
 * checked in, a paused kiosk, one out of reach, one of a later build): it fits 1280 × 800 and 1024 × 768 in every
 * language with no text cut, sends the clerk to each kiosk that needs one in the kiosk console's own words, and
 * says when the station itself is cut off. The station over a real precinct network is
 * {@code ClerkStationPrecinctIT}'s.
 */
@ExtendWith(ApplicationExtension.class)
class ClerkStationUiTest {

    private static final Messages EN = Messages.of(Language.ENGLISH);

    private final ClerkStationModel model = new ClerkStationModel();
    private final LanguageViewModel language = new LanguageViewModel();
    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        open(1280, 800);
        stage.show();
    }

    private void open(int width, int height) {
        scene = new Scene(new ClerkStationView(model, language), width, height);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
    }

    private static List<KioskLine> busyPrecinct() {
        return List.of(
                new KioskLine("kiosk-1", true, true, false, false, false, false, List.of(), 41),
                new KioskLine("kiosk-2", true, true, false, false, false, true,
                        List.of(OpenCase.code(ClerkReason.FINGER_NOT_RECOGNISED), OpenCase.code(ClerkReason.VOTER_REQUEST)), 37),
                new KioskLine("kiosk-3", true, true, false, false, false, false,
                        List.of(OpenCase.code(Refusal.ALREADY_CHECKED_IN)), 29),
                new KioskLine("kiosk-4", true, true, true, true, false, false, List.of(), 12),
                new KioskLine("kiosk-5", false, true, false, false, false, true,
                        List.of(OpenCase.code(ClerkReason.SCANNER_FAULT)), 3),
                new KioskLine("kiosk-6", true, true, false, false, false, false, List.of("clerk.A_LATER_KIND"), 0));
    }

    @Test
    void everyKioskFitsAt1280By800And1024By768InEveryLanguage(FxRobot robot) throws Exception {
        robot.interact(() -> model.show(new StationNetwork(7, 7, true), busyPrecinct()));
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1024, 768}}) {
            robot.interact(() -> open(size[0], size[1]));
            ScreenChecks.checkEveryLanguage(robot, scene, language, "clerk-station", size, "busy-precinct", problems);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eachKioskThatNeedsAClerkSaysGoThereInTheKioskConsolesWords(FxRobot robot) throws Exception {
        robot.interact(() -> {
            language.choose(Language.ENGLISH);
            model.show(new StationNetwork(7, 7, true), busyPrecinct());
        });
        assertEquals(EN.get("station.goTo", "kiosk-2"), text("#station-kiosk-2-go"));
        assertEquals(EN.get(ClerkReason.FINGER_NOT_RECOGNISED.messageKey()), text("#station-kiosk-2-case-0"));
        assertEquals(EN.get("clerk.nextStep", EN.get(ClerkReason.FINGER_NOT_RECOGNISED.nextStepKey())),
                text("#station-kiosk-2-next-0"));
        // The call is a case of its own, in the console's words (the voter pressed "call").
        assertEquals(EN.get(ClerkReason.VOTER_REQUEST.messageKey()), text("#station-kiosk-2-case-1"));
        assertEquals(EN.get(Refusal.ALREADY_CHECKED_IN.messageKey()), text("#station-kiosk-3-case-0"));
        assertEquals("kiosk-4 — " + EN.get("station.state.paused"), text("#station-kiosk-4-state"));
        assertEquals(EN.get("station.checkIns", 41), text("#station-kiosk-1-checkins"));
        assertNull(lookup("#station-kiosk-1-go"), "a quiet kiosk needs nobody");
        // Out of reach: its last word may be stale, so the station says only that it cannot see it.
        assertEquals("kiosk-5 — " + EN.get("station.state.unreachable"), text("#station-kiosk-5-state"));
        assertNull(lookup("#station-kiosk-5-go"));
        assertNull(lookup("#station-kiosk-5-case-0"));
        assertEquals(EN.get("station.case.unknown"), text("#station-kiosk-6-case-0"));
        assertEquals(EN.get("station.goTo", "kiosk-6"), text("#station-kiosk-6-go"));

        robot.interact(() -> model.show(new StationNetwork(1, 7, false), busyPrecinct()));
        assertEquals(KioskView.sentence(EN.get("station.network", 1, 7)) + " "
                + KioskView.sentence(EN.get("station.network.cutOff")), text("#station-network"));
        robot.interact(() -> model.show(new StationNetwork(1, 7, false), List.of()));
        assertEquals(EN.get("station.noKiosks"), text("#station-no-kiosks"));
    }

    @Test
    void theUnlockScreenSaysAWrongPassphraseAndFitsEveryLanguage(FxRobot robot) throws Exception {
        java.util.List<String> typed = new java.util.ArrayList<>();
        robot.interact(() -> {
            scene = new Scene(new ClerkStationUnlock(language, secret -> {
                typed.add(new String(secret));
                java.util.Arrays.fill(secret, '\0');
                return java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.of(
                        "crypto.error.wrongPassphrase"));
            }, Runnable::run), 1024, 768);
            scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
        });
        robot.interact(() -> {
            ((javafx.scene.control.PasswordField) scene.lookup("#station-passphrase")).setText("not the passphrase");
            ((javafx.scene.control.Button) scene.lookup("#station-unlock")).fire();
        });
        assertEquals(List.of("not the passphrase"), typed);
        assertEquals("", WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.PasswordField) scene
                .lookup("#station-passphrase")).getText()).get(5, TimeUnit.SECONDS), "the field is cleared");
        List<String> problems = new ArrayList<>();
        ScreenChecks.checkEveryLanguage(robot, scene, language, "clerk-station", new int[] {1024, 768}, "unlock",
                problems);
        assertEquals(List.of(), problems);
        assertEquals(EN.get("crypto.error.wrongPassphrase"), text("#station-unlock-result"));
    }

    private javafx.scene.Node lookup(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> scene.lookup(id)).get(5, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Label label = (Label) scene.lookup(id);
            if (label == null) {
                throw new AssertionError(id + " is not on the station's screen");
            }
            return label.getText();
        }).get(5, TimeUnit.SECONDS);
    }
}
