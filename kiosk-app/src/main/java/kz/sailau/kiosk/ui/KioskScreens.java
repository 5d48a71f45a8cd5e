package kz.sailau.kiosk.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import kz.sailau.kiosk.ui.touch.KeyboardDock;

/**
 * The kiosk's whole screen: the voter screens with the clerk console, and the administrator screens behind
 * the "Administrator" button (passphrase first). Exactly one of the two is shown, each above its own docked
 * on-screen keyboard ({@link KeyboardDock}), so every input can be typed by touch alone.
 */
public final class KioskScreens extends StackPane {

    private final KioskView voter;
    private final KeyboardDock voterDock;
    private final AdministratorView administrator;
    private final Region administratorScreen;

    /**
     * @param model    the check-in view model
     * @param actions  the administrator's actions
     * @param worker   runs blocking administrator work
     * @param fxThread runs on the FX thread
     */
    public KioskScreens(CheckInScreenModel model, AdministratorActions actions, Executor worker, Executor fxThread) {
        Objects.requireNonNull(model, "model");
        voter = new KioskView(model);
        // The voter side takes the window's width: at 1024 px its top bar asks for more, which pushed the clerk
        // console (laid at its right edge) 16 px out of the window.
        voter.setMinWidth(0);
        // The keys lie over the voter side, never over the clerk console, whose layout and buttons stay put.
        voterDock = KeyboardDock.over(voter, () -> voter.clerkConsoleShowingProperty().get() ? ClerkConsole.WIDTH : 0);
        administrator = new AdministratorView(actions, model.language(), worker, fxThread, this::showVoterScreens);
        administrator.setOnDayClosed(model::closePolls);
        administratorScreen = scrolling(administrator);
        actions.attachCheckInScreens(model);
        voter.setAdministratorAccess(this::showAdministrator);
        getChildren().setAll(voterDock);
    }

    /** Shows the administrator screens (they ask for the passphrase first). */
    public void showAdministrator() {
        voterDock.hide();
        getChildren().setAll(administratorScreen);
    }

    /** Shows the voter screens. */
    public void showVoterScreens() {
        getChildren().setAll(voterDock);
    }

    /** The voter screens. */
    public KioskView voterView() {
        return voter;
    }

    /** The administrator screens. */
    public AdministratorView administratorView() {
        return administrator;
    }

    /**
     * The administrator screens in a vertical scroll pane above the docked on-screen keyboard: with a pane
     * unfolded (devices, clerks, the pre-election test) they can be taller than the kiosk's screen, and every
     * button must stay reachable by touch (the pane pans with a finger). When the content grows or shrinks (a
     * message, a confirmation), the scroll keeps its distance from the top, so the screen does not jump.
     */
    public static Region scrolling(AdministratorView view) {
        ScrollPane scroll = new ScrollPane(view);
        scroll.setId("administrator-scroll");
        scroll.getStyleClass().add("administrator-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        double[] offset = {0};
        scroll.vvalueProperty().addListener((o, a, b) ->
                offset[0] = b.doubleValue() * Math.max(0, view.getHeight() - scroll.getViewportBounds().getHeight()));
        view.heightProperty().addListener((o, a, b) -> {
            double scrollable = b.doubleValue() - scroll.getViewportBounds().getHeight();
            double keep = offset[0];
            scroll.setVvalue(scrollable > 0 ? Math.min(1, keep / scrollable) : 0);
            offset[0] = keep;
        });
        KeyboardDock dock = new KeyboardDock(scroll);
        dock.setId("administrator-screen");
        return dock;
    }
}
