package kz.sailau.kiosk.register;

/**
 * Progress of a register load, for the console progress bar and the UI. Called on the loading thread;
 * a UI must hand the values over to its own thread. Carries counts only, never personal data.
 */
@FunctionalInterface
public interface LoadProgress {

    /** The stages of a load, in order. */
    enum Stage {
        /** Reading the file and checking its size. */
        READING,
        /** Checking the manifest signature, decrypting, checking the inner signature. */
        VERIFYING,
        /** Encrypting and writing voters in one transaction. */
        WRITING,
        /** Committed. */
        DONE
    }

    /**
     * Reports progress.
     *
     * @param stage the current stage
     * @param done  units done in this stage
     * @param total units in this stage (at least 1)
     */
    void update(Stage stage, long done, long total);

    /** Ignores progress. */
    LoadProgress NONE = (stage, done, total) -> { };
}
