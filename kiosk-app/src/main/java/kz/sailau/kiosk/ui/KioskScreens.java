package kz.sailau.kiosk.ui;

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
        actions.attachCheckInScreens(model);
        voter.setAdministratorAccess(this::showAdministrator);
        getChildren().setAll(voter);
    }

    /** Shows the administrator screens (they ask for the passphrase first). */
    public void showAdministrator() {
        getChildren().setAll(administrator);
    }

    /** Shows the voter screens. */
    public void showVoterScreens() {
        getChildren().setAll(voter);
    }

    /** The voter screens. */
    public KioskView voterView() {
        return voter;
    }
}
