package kz.sailau.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.MachineFiles;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.KioskDataDirectory;

/**
 * Loads the kiosk's precinct token key ({@code DATA/precinct-token-key.p7m}, from {@code authority token-key}):
 * opened with the kiosk's key, signed by the pinned authority, and for the configured election and precinct, or the
 * kiosk does not start (decision 0120).
 */
public final class PrecinctTokenKeys {

    /** Message key of a kiosk that cannot use its precinct token key. */
    public static final String MESSAGE_KEY = "kiosk.error.precinctTokenKey";

    private PrecinctTokenKeys() {
    }

    /**
     * @throws ConfigurationException naming the file when it is missing, not for this kiosk, not signed by the
     *                                authority, or for another election or precinct
     */
    public static PrecinctTokenKey load(Path dataDirectory, KioskCredentials credentials, ElectionId election,
                                 PrecinctId precinct) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path file = dataDirectory.resolve(PrecinctTokenKey.KIOSK_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(file, List.of((Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? "not a regular file, so no precinct token key" : "no precinct token key")
                    + ": ask the authority for it ('authority token-key') and copy it there"));
        }
        PrecinctTokenKey key;
        try {
            key = PrecinctTokenKey.openKioskPackage(MachineFiles.read(file), credentials,
                    KioskDataDirectory.at(dataDirectory).pinnedAuthority());
        } catch (IOException | KioskCryptoException e) {
            throw new ConfigurationException(file, List.of("the precinct token key cannot be opened: "
                    + e.getMessage()));
        }
        if (!key.election().equals(election) || !key.precinct().equals(precinct)) {
            throw new ConfigurationException(file, List.of("the precinct token key is for election "
                    + key.election() + ", precinct " + key.precinct() + ", not for election " + election
                    + ", precinct " + precinct));
        }
        return key;
    }
}
