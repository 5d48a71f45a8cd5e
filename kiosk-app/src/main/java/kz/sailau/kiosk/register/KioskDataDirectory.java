package kz.sailau.kiosk.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.MachineFiles;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * The kiosk's data directory:
 * <pre>
 *   kiosk-profile.json   precinct (and election, when pinned at init)
 *   authority.crt.pem    the pinned authority certificate
 *   kiosk-keys.sealed    private key + store master secret, sealed under the passphrase
 *   kiosk.csr.pem        certification request for the authority
 *   kiosk.db (-wal, -shm) the SQLite store
 *   la-test.db, la-test-tokens.db  the pre-election test's separate store, only while a test runs
 *                        (written and wiped by {@code app.LogicAccuracyMode}, decision 0072)
 * </pre>
 */
public final class KioskDataDirectory {

    /** Profile file name. */
    public static final String PROFILE_FILE = "kiosk-profile.json";
    /** Pinned authority certificate file name. */
    public static final String AUTHORITY_FILE = "authority.crt.pem";
    /** Database file name. */
    public static final String DATABASE_FILE = "kiosk.db";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    private KioskDataDirectory(Path directory) {
        this.directory = directory;
    }

    /** The data directory at {@code directory} (not checked). */
    public static KioskDataDirectory at(Path directory) {
        return new KioskDataDirectory(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Creates kiosk keys, pins the authority certificate and records the precinct.
     *
     * @param election   the election to pin, or empty to accept the election of the first loaded register
     * @param passphrase the administrator's passphrase
     * @return the path of the certification request to take to the authority
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException {@code kiosk.error.exists} if already initialised
     * @throws IOException on a file error
     */
    public Path initialise(PrecinctId precinct, Optional<ElectionId> election, X509Certificate authority,
                           char[] passphrase, Argon2idParameters parameters, SecureRandom random) throws IOException {
        Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(authority, "authority");
        KioskCredentials credentials = KioskCredentials.generate(random);
        credentials.save(directory, precinct, passphrase, parameters, random);
        AtomicFileReplacement.write(directory.resolve(AUTHORITY_FILE), Pem.certificate(authority));
        ObjectNode profile = JSON.createObjectNode();
        profile.put("precinct", precinct.number());
        election.ifPresent(e -> profile.put("election", e.value()));
        AtomicFileReplacement.write(directory.resolve(PROFILE_FILE), JSON.writeValueAsBytes(profile));
        return directory.resolve(KioskCredentials.REQUEST_FILE);
    }

    /**
     * Why this directory holds a {@code kiosk init} that did not finish, when it does. The init creates the sealed keys
     * first and writes the profile last, so keys without a profile are an init cut off by a power loss or a kill (or one
     * still running there). Its keys were never certified, so deleting them loses nothing, and {@code kiosk init}
     * refuses to replace keys: without this line the administrator met "keys already exist" from {@code kiosk init}
     * and "run 'kiosk init' first" from every other command (decision 0500).
     *
     * @return one line saying so and what to do, or empty when the directory is not in that state
     */
    public Optional<String> unfinishedInitialisation() {
        Path keys = directory.resolve(KioskCredentials.SEALED_KEYS_FILE);
        if (!Files.exists(keys) || Files.exists(directory.resolve(PROFILE_FILE))) {
            return Optional.empty();
        }
        return Optional.of("'kiosk init' did not finish in " + directory + ": its sealed keys are there but not its "
                + "profile (a power loss or a kill cut it off, or another 'kiosk init' is still running there) and "
                + "nothing was certified; once no other 'kiosk init' runs, delete " + keys
                + " and run 'kiosk init' again");
    }

    /**
     * The kiosk's precinct and pinned election.
     *
     * @throws RegisterException {@code kiosk.error.notInitialised} when there is no profile
     */
    public KioskProfile profile() throws IOException {
        Path file = directory.resolve(PROFILE_FILE);
        Optional<String> unfinished = unfinishedInitialisation();
        if (unfinished.isPresent()) {
            throw new RegisterException("kiosk.error.notInitialised", unfinished.get(), null);
        }
        if (!Files.exists(file)) {
            throw new RegisterException("kiosk.error.notInitialised",
                    "no kiosk profile in " + directory + "; run 'kiosk init' first", null);
        }
        if (!Files.isRegularFile(file)) {
            throw damagedProfile(file, "it is not a regular file");
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw damagedProfile(file, "it is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw damagedProfile(file, "it is not a JSON object");
        }
        JsonNode precinct = node.get("precinct");
        if (precinct == null || !precinct.isIntegralNumber() || !precinct.canConvertToInt()
                || precinct.intValue() < 1 || precinct.intValue() > 999_999) {
            throw damagedProfile(file, "\"precinct\" is not a precinct number 1..999999");
        }
        JsonNode election = node.get("election");
        if (election != null && !election.isNull() && !election.isTextual()) {
            throw damagedProfile(file, "\"election\" is not a text");
        }
        try {
            return new KioskProfile(new PrecinctId(precinct.intValue()),
                    election == null || election.isNull() ? Optional.empty()
                            : Optional.of(new ElectionId(election.textValue())));
        } catch (IllegalArgumentException e) {
            throw damagedProfile(file, "\"election\" is not an election id");
        }
    }

    private static RegisterException damagedProfile(Path file, String why) {
        return new RegisterException("kiosk.error.profile", "the kiosk profile " + file + " is damaged: " + why
                + "; it is written by 'kiosk init' and never edited by hand", null);
    }

    /** The pinned authority certificate. */
    public X509Certificate pinnedAuthority() throws IOException {
        Path file = directory.resolve(AUTHORITY_FILE);
        if (!Files.exists(file)) {
            throw new RegisterException("kiosk.error.notInitialised",
                    "no pinned authority certificate in " + directory + "; run 'kiosk init' first", null);
        }
        return Pem.readCertificate(MachineFiles.read(file));
    }

    /** Unseals the kiosk's keys. */
    public KioskCredentials unlock(char[] passphrase) throws IOException {
        return KioskCredentials.unlock(directory, passphrase);
    }

    /** The database file. */
    public Path databaseFile() {
        return directory.resolve(DATABASE_FILE);
    }

    /** The directory. */
    public Path path() {
        return directory;
    }

    /**
     * The kiosk's fixed identity.
     *
     * @param precinct the precinct it serves
     * @param election the pinned election, if any
     */
    public record KioskProfile(PrecinctId precinct, Optional<ElectionId> election) {
    }
}
