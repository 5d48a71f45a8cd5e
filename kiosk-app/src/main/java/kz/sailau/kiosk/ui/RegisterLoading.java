package kz.sailau.kiosk.ui;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/** The administrator's capability to load a register package (the "Voter list" section). */
public interface RegisterLoading {

    /**
     * What a load produced (no personal data).
     *
     * @param election the election identifier
     * @param precinct the precinct number
     * @param version  the package version
     * @param voters   the number of voters loaded
     */
    record Loaded(String election, int precinct, long version, long voters) {
    }

    /**
     * Loads a register package.
     *
     * @param packageFile the package
     * @param progress    receives 0..1
     * @return what was loaded
     * @throws AdministratorActions.AdministratorException with the register's refusal key
     */
    Loaded load(Path packageFile, DoubleConsumer progress) throws AdministratorActions.AdministratorException;
}
