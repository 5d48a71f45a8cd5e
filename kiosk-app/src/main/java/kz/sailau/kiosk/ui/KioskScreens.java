package kz.sailau.kiosk.ui;

import javafx.scene.control.ScrollPane;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.scene.layout.StackPane;

/**
 * The kiosk's whole screen: the voter screens with the clerk console, and the administrator screens behind
 * the "Administrator" button (passphrase first). Exactly one of the two is shown.
 */
public final class KioskScreens extends StackPane {

    private final KioskView voter;
    private final AdministratorView administrator;
    private final ScrollPane administratorScroll;

    /**
     * @param model    the check-in view model
     * @param actions  the administrator's actions
     * @param worker   runs blocking administrator work
     * @param fxThread runs on the FX thread
     */
    public KioskScreens(CheckInScreenModel model, AdministratorActions actions, Executor worker, Executor fxThread) {
        Objects.requireNonNull(model, "model");
        voter = new KioskView(model);
        administrator = new AdministratorView(actions, model.language(), worker, fxThread, this::showVoterScreens);
        administrator.setOnDayClosed(model::closePolls);
        administratorScroll = scrolling(administrator);
        actions.attachCheckInScreens(model);
        voter.setAdministratorAccess(this::showAdministrator);
        getChildren().setAll(voter);
    }

    /** Shows the administrator screens (they ask for the passphrase first). */
    public void showAdministrator() {
        getChildren().setAll(administratorScroll);
    }

    /** Shows the voter screens. */
    public void showVoterScreens() {
        getChildren().setAll(voter);
    }

    /** The voter screens. */
    public KioskView voterView() {
        return voter;
    }

    /**
     * The administrator screens in a vertical scroll pane: with a pane unfolded (devices, clerks, the
     * pre-election test) they can be taller than the kiosk's screen, and every button must stay reachable by
     * touch (the pane pans with a finger).
     */
    public static ScrollPane scrolling(AdministratorView view) {
        ScrollPane scroll = new ScrollPane(view);
        scroll.setId("administrator-scroll");
        scroll.getStyleClass().add("administrator-scroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        return scroll;
    }
}
