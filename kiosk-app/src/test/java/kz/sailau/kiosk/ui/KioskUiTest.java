package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.time.format.DateTimeFormatter;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.devices.printer.Receipt;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import kz.sailau.kiosk.token.TokenCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the voter screens and the clerk console through whole check-ins, headless, at the kiosk's size
 * (1280 × 800), with screenshots; each screenshot's screen is checked as a person sees it ({@link ScreenChecks}).
 */
@ExtendWith(ApplicationExtension.class)
class KioskUiTest {

    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fixtures = new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        view = new KioskView(model);
        clerkFollowsTheVoter(model, view);
        view.clerkConsole().suggestLogin(UiFixtures.CLERK.value());
        scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /**
     * These tests switch the voter's language and read the console too: the clerk here chooses the same language
     * on the console's own bar (the console's independence is {@link ElectionDayScreensUiTest}'s to check).
     */
    static void clerkFollowsTheVoter(CheckInScreenModel model, KioskView view) {
        model.language().languageProperty().addListener((o, before, now) -> view.clerkConsole().language().choose(now));
    }

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
    }

    @Test
    void successfulCheckInFromCardToQrCode(FxRobot robot) throws Exception {
        save("01-welcome-kk");
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingFinger.class);
        assertEquals("Саусағыңызды сканерге қойыңыз", text("#finger-title"));
        save("02-place-finger-kk");

        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        CheckInState.TokenIssued issued = awaitState(CheckInState.TokenIssued.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(issued.token().humanCode(), text("#token-code").replace('\n', '-'));
        // The screen is read as a camera would: wait until a snapshot shows a QR code that decodes (the image may
        // come a pulse after the state), then compare what it carries. Only the snapshot is taken in the loop (the
        // screenshot file and the screen checks once, below): on a loaded CI machine each full save took seconds,
        // and a 10 s wait ran out once; the wait ends as soon as the code decodes.
        AtomicReference<String> read = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            BufferedImage shot = snapshot();
            javafx.geometry.Bounds qrBounds = robot.lookup("#token-qr").query().localToScene(
                    robot.lookup("#token-qr").query().getBoundsInLocal());
            try {
                read.set(decodeQr(shot.getSubimage((int) qrBounds.getMinX(), (int) qrBounds.getMinY(),
                        (int) Math.ceil(qrBounds.getWidth()), (int) Math.ceil(qrBounds.getHeight()))));
                return true;
            } catch (com.google.zxing.NotFoundException notYet) {
                return false;
            }
        });
        save("03-token-issued-kk");
        String decoded = read.get();
        assertEquals(issued.token().qrPayload(), decoded, "the QR on screen carries the issued token");
        TokenCheck desk = new TokenCheck(UiFixtures.ELECTION, UiFixtures.PRECINCT,
                new Ed25519TokenVerifier(fixtures.tokenKeys.publicKey()), fixtures.typedCodeKey::mac);
        assertTrue(desk.check(decoded).accepted(), "the ballot desk accepts the token read from the screen");
        assertEquals(desk.check(decoded).id(), desk.check(text("#token-code")).id(),
                "the code typed from the screen is the same token");

        Receipt receipt = awaitReceipt();
        assertEquals(issued.token().qrPayload(), receipt.qrPayload());
        assertEquals(issued.token().humanCode(), receipt.shortCode());
        assertEquals("БЮЛЛЕТЕНЬ АЛУҒА АРНАЛҒАН ТАЛОН", receipt.heading());

        TouchTaps.tap(robot, "#token-done");
        awaitState(CheckInState.AwaitingCard.class);
        assertEquals(1, fixtures.ledger.counters().checkIns());
    }

    @Test
    void threeFailedTriesCallTheClerkWhoOverridesWithReasonAndPin(FxRobot robot) throws Exception {
        robot.interact(() -> model.language().choose(Language.RUSSIAN));
        model.submitCard(fixtures.mrz(2)).get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingFinger.class);

        fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.LOW_CONTRAST));
        awaitState(s -> s instanceof CheckInState.AwaitingFinger f && f.captures() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#finger-try").endsWith(Messages.of(Language.RUSSIAN).get(ImageQuality.LOW_CONTRAST.messageKey())
                + "."), text("#finger-try"));
        save("04-quality-hint-ru");

        fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.GOOD));
        awaitState(s -> s instanceof CheckInState.AwaitingFinger f && f.captures() == 2);
        fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.GOOD));
        CheckInState.NeedsClerk needs = awaitState(CheckInState.NeedsClerk.class);
        assertEquals(ClerkReason.FINGER_NOT_RECOGNISED, needs.reason());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Пожалуйста, подождите члена комиссии", text("#state-needs-clerk-title"));
        save("05-needs-clerk-ru");

        TouchTaps.tap(robot, "#open-clerk-console");
        TouchTaps.tap(robot, "#override-worn_fingerprints");
        TouchTaps.tap(robot, "#clerk-pin");
        robot.write("0000");
        TouchTaps.tap(robot, "#clerk-override");
        WaitForAsyncUtils.waitForFxEvents();
        awaitText("#clerk-result", Messages.of(Language.RUSSIAN).get("clerk.result.notAccepted"));
        assertInstanceOf(CheckInState.NeedsClerk.class, model.stateProperty().get(), "a wrong PIN changes nothing");

        TouchTaps.tap(robot, "#clerk-pin");
        robot.write(UiFixtures.PIN);
        save("06-clerk-console-ru");
        TouchTaps.tap(robot, "#clerk-override");
        CheckInState.TokenIssued issued = awaitState(CheckInState.TokenIssued.class);
        assertEquals(kz.sailau.kiosk.checkin.CheckInMethod.CLERK_OVERRIDE, issued.method());
        awaitText("#clerk-count-checkins", "1");
        awaitText("#clerk-count-overrides", "1");
        save("07-override-token-ru");
    }

    @Test
    void aVoterAlreadyCheckedInIsRefusedCalmly(FxRobot robot) throws Exception {
        model.submitCard(fixtures.mrz(3)).get(5, TimeUnit.SECONDS);
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(3));
        awaitState(CheckInState.TokenIssued.class);
        model.submit(new CheckInEvent.Acknowledged()).get(5, TimeUnit.SECONDS);
        robot.interact(() -> model.language().choose(Language.ENGLISH));

        model.submitCard(fixtures.mrz(3)).get(5, TimeUnit.SECONDS);
        CheckInState.Refused refused = awaitState(CheckInState.Refused.class);
        assertEquals(Refusal.ALREADY_CHECKED_IN, refused.refusal());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The voter is already checked in", text("#refusal-title"));
        assertEquals("Please go to the chair of the commission.", text("#refusal-instruction"));
        save("08-already-checked-in-en");
        TouchTaps.tap(robot, "#open-clerk-console");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#clerk-next-step").contains("Call the chair of the commission"));
        save("09-already-checked-in-clerk-en");
    }

    @Test
    void aVoterOfAnotherPrecinctIsDirectedThere(FxRobot robot) throws Exception {
        model.submitCard(fixtures.mrz(5)).get(5, TimeUnit.SECONDS);
        CheckInState.Refused refused = awaitState(CheckInState.Refused.class);
        assertEquals(Refusal.OTHER_PRECINCT, refused.refusal());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Сіз басқа сайлау учаскесінде тіркелгенсіз", text("#refusal-title"));
        save("10-other-precinct-kk");
        TouchTaps.tap(robot, "#refusal-ok");
        awaitState(CheckInState.AwaitingCard.class);
        assertEquals(0, fixtures.ledger.counters().checkIns());
    }

    @Test
    void languageSwitchRedrawsEveryScreenAndTheNextVoterStartsInKazakh(FxRobot robot) throws Exception {
        model.submitCard(fixtures.mrz(4)).get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingFinger.class);
        TouchTaps.tap(robot, "#language-russian");
        assertEquals("Приложите палец к сканеру", text("#finger-title"));
        save("11-place-finger-ru");
        TouchTaps.tap(robot, "#language-english");
        assertEquals("Place your finger on the scanner", text("#finger-title"));
        save("12-place-finger-en");

        // Idle timeout: the screen returns to the start, clears everything and speaks Kazakh again.
        fixtures.clock.advance(fixtures.policy.idleTimeout().plusSeconds(1));
        model.tick().get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingCard.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Language.KAZAKH, model.language().languageProperty().get());
        assertEquals("Қош келдіңіз!", text("#welcome-title"));
        assertTrue(robot.lookup("#finger-title").tryQuery().isEmpty(), "nothing of the last voter is shown");
    }

    @Test
    void printerOutOfPaperAlertsTheClerkWhoVoidsAndReprints(FxRobot robot) throws Exception {
        fixtures.printer.paperOut = true;
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        CheckInState.TokenIssued first = awaitState(CheckInState.TokenIssued.class);
        awaitPresent("#printer-problem");
        TouchTaps.tap(robot, "#open-clerk-console");
        awaitPresent("#clerk-printer-alert");
        save("13-printer-out-of-paper-kk");

        fixtures.printer.paperOut = false;
        TouchTaps.tap(robot, "#clerk-pin");
        robot.write(UiFixtures.PIN);
        TouchTaps.tap(robot, "#clerk-void");
        CheckInState.TokenIssued second = (CheckInState.TokenIssued) awaitState(s -> s instanceof CheckInState.TokenIssued t
                && !t.token().equals(first.token()));
        Receipt receipt = awaitReceipt();
        assertEquals(second.token().qrPayload(), receipt.qrPayload());
        assertEquals(1, fixtures.ledger.counters().voidedTokens());
        assertEquals(1, fixtures.ledger.counters().checkIns(), "nothing lost, nothing counted twice");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#printer-problem").tryQuery().isEmpty());
    }

    @Test
    void cardlessIdentificationIsConfirmedByTheClerk(FxRobot robot) throws Exception {
        TouchTaps.tap(robot, "#welcome-no-card");
        awaitState(s -> s instanceof CheckInState.AwaitingFinger f && f.session().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Сәйкестендіру үшін саусағыңызды сканерге қойыңыз", text("#finger-title"));
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(2));
        CheckInState.NeedsClerk needs = awaitState(CheckInState.NeedsClerk.class);
        assertEquals(ClerkReason.CONFIRM_IDENTITY, needs.reason());
        TouchTaps.tap(robot, "#open-clerk-console");
        awaitPresent("#clerk-confirm-who");
        assertTrue(text("#clerk-confirm-who").contains(DateTimeFormatter.ofPattern("dd.MM.yyyy")
                        .format(fixtures.voters.get(1).voter().birthDate())),
                "the clerk sees the birth date to confirm with the voter, as the card prints it");
        save("16-cardless-confirm-kk");
        TouchTaps.tap(robot, "#clerk-pin");
        robot.write(UiFixtures.PIN);
        TouchTaps.tap(robot, "#clerk-confirm");
        CheckInState.TokenIssued issued = awaitState(CheckInState.TokenIssued.class);
        assertEquals(kz.sailau.kiosk.checkin.CheckInMethod.CARDLESS_FINGERPRINT, issued.method());
        assertEquals(1, fixtures.ledger.counters().cardless());
    }

    @Test
    void clerkPausesResumesAndChecksInByHandInFallbackMode(FxRobot robot) throws Exception {
        robot.interact(() -> model.language().choose(Language.ENGLISH));
        TouchTaps.tap(robot, "#open-clerk-console");
        TouchTaps.tap(robot, "#clerk-pin");
        robot.write("9999");
        TouchTaps.tap(robot, "#clerk-pause");
        awaitText("#clerk-result", "PIN not accepted");
        TouchTaps.tap(robot, "#clerk-pin");
        robot.write(UiFixtures.PIN);
        TouchTaps.tap(robot, "#clerk-pause");
        awaitState(CheckInState.Paused.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The kiosk is paused", text("#state-paused-title"));
        save("17-paused-en");
        TouchTaps.tap(robot, "#clerk-pin");
        robot.write(UiFixtures.PIN);
        TouchTaps.tap(robot, "#clerk-resume");
        awaitState(CheckInState.AwaitingCard.class);

        TouchTaps.tap(robot, "#clerk-pin");
        robot.write(UiFixtures.PIN);
        TouchTaps.tap(robot, "#clerk-start-fallback");
        awaitState(CheckInState.Fallback.class);
        TouchTaps.tap(robot, "#clerk-iin");
        robot.write(fixtures.voters.get(3).voter().iin().digits());
        TouchTaps.tap(robot, "#clerk-pin");
        robot.write(UiFixtures.PIN);
        robot.interact(() -> model.language().choose(Language.ENGLISH)); // resuming went back to Kazakh
        save("18-fallback-en");
        TouchTaps.tap(robot, "#clerk-enter-iin");
        CheckInState.TokenIssued issued = awaitState(CheckInState.TokenIssued.class);
        assertTrue(issued.fallback());
        assertEquals(1, fixtures.ledger.counters().fallback());
    }

    // ------------------------------------------------------------------ helpers

    private <S extends CheckInState> S awaitState(Class<S> type) throws Exception {
        return ScreenStates.await(model, type);
    }

    private CheckInState awaitState(Predicate<CheckInState> wanted) throws Exception {
        return ScreenStates.await(model, wanted);
    }

    private CheckInState fxState() throws Exception {
        return ScreenStates.onFx(model);
    }

    private String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup(id)).getText()).get(5, TimeUnit.SECONDS);
    }

    private void awaitText(String id, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup(id) instanceof Label l
                && expected.equals(l.getText()));
    }

    private void awaitPresent(String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup(id) != null);
    }

    private Receipt awaitReceipt() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fixtures.printer.printed.isEmpty());
        List<Receipt> printed = fixtures.printer.printed;
        return printed.get(printed.size() - 1);
    }

    /** What the scene shows now, as an image. */
    private BufferedImage snapshot() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null))
                .get(10, TimeUnit.SECONDS);
    }

    private BufferedImage save(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.save(scene, name);
            image.set(SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        }).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), true),
                name + " at 1280x800: what a person sees");
        return image.get();
    }

    /**
     * Decodes the QR code in a region of a screenshot, framed in white as a printed code would be
     * (decoding the whole scene failed now and then next to the text beside the code).
     */
    static String decodeQr(BufferedImage image) throws Exception {
        int margin = 32;
        BufferedImage framed = new BufferedImage(image.getWidth() + 2 * margin, image.getHeight() + 2 * margin,
                BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = framed.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, framed.getWidth(), framed.getHeight());
        g.drawImage(image, margin, margin, null);
        g.dispose();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(framed)));
        Result result = new MultiFormatReader().decode(bitmap, Map.of(
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true));
        assertFalse(result.getText().isEmpty());
        return result.getText();
    }
}
