package kz.sailau.kiosk.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.MachineFiles;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.NodeIdentity;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import kz.sailau.kiosk.precinct.RejoinGuard;

/**
 * A kiosk that is a node of its precinct network: {@code kiosk.json} names the node directory
 * ({@code "precinctNetwork": {"node": "/var/lib/sailau/node"}}) that {@code node init}, {@code authority
 * certify-node} and {@code node install} prepared, with its {@code precinct.json}. Without that entry the kiosk is
 * standalone, as before: no network, no listening port, and nothing here runs.
 *
 * <p>The start checks the node directory in full before anything starts ({@link #problems}); the administrator's
 * passphrase that unlocks the kiosk's keys also unseals the node key ({@link #unlock}); the election day then
 * starts this machine's node, listening only on its configured address ({@link #start}), and runs the one assembly
 * through {@link PrecinctElectionDay#over}. The node is closed when the kiosk exits.
 */
public final class PrecinctKiosk {

    /** The directory, under the node directory, of the consensus log and snapshot (as {@code node run}). */
    public static final String LEDGER_DIRECTORY = "ledger";

    private PrecinctKiosk() {
    }

    /**
     * Everything wrong with the configured node directory, each a sentence naming the key to fix with its message
     * key; empty for a standalone kiosk or a node ready to start. Reads files only: nothing is created or bound.
     *
     * @param configuration the kiosk's configuration
     * @param kioskAuthority the authority certificate the kiosk pinned, if it could be read
     */
    public static List<String> problems(KioskConfiguration configuration, Optional<X509Certificate> kioskAuthority) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(kioskAuthority, "kioskAuthority");
        List<String> problems = new ArrayList<>();
        if (configuration.precinctNode().isEmpty()) {
            return problems;
        }
        Path directory = configuration.precinctNode().get();
        String where = "precinctNetwork.node: " + directory;
        if (!Files.isDirectory(directory)) {
            problems.add(where + " is not a directory (run 'node init' there) [node.error.notInitialised]");
            return problems;
        }
        PrecinctNodeSettings settings;
        try {
            settings = settings(configuration);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + PrecinctNodeSettings.FILE + " is not valid: " + e.getMessage()
                    + " [node.error.settings]");
            return problems;
        } catch (IOException e) {
            problems.add(where + " has no readable " + PrecinctNodeSettings.FILE + " [node.error.noSettings]");
            return problems;
        }
        if (!isLocal(settings.listen().getAddress())) {
            problems.add(where + ": listen " + settings.listen().getAddress().getHostAddress()
                    + " is not an address of this machine (the precinct interface's address) [node.error.listen]");
        }
        try {
            RejoinGuard.refuseIfEmptied(settings);
        } catch (RejoinGuard.Refused e) {
            problems.add(where + ": " + e.getMessage() + " [" + e.messageKey() + "]");
        }
        for (String file : List.of(NodeCredentials.SEALED_KEY_FILE, NodeCredentials.CERTIFICATE_FILE,
                NodeCredentials.AUTHORITY_FILE)) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                problems.add(where + " has no " + file + " (run 'node init', 'authority certify-node' and "
                        + "'node install') [node.error.notInitialised]");
                return problems;
            }
        }
        try {
            X509Certificate authority = NodeCredentials.authorityOf(directory);
            // Certificate equality is equality of the encoded certificates.
            if (kioskAuthority.isPresent() && !kioskAuthority.get().equals(authority)) {
                problems.add(where + ": " + NodeCredentials.AUTHORITY_FILE + " is not the authority this kiosk "
                        + "pinned [node.error.otherAuthority]");
            }
            NodeIdentity identity = NodeCertificates.identify(Pem.readCertificate(MachineFiles.read(
                    directory.resolve(NodeCredentials.CERTIFICATE_FILE))), authority);
            if (identity.precinct().number() != configuration.precinct()) {
                problems.add(where + ": the node certificate is for precinct " + identity.precinct().number()
                        + ", this kiosk is precinct " + configuration.precinct() + " [node.refused.otherPrecinct]");
            }
            if (identity.role() != NodeRole.KIOSK) {
                problems.add(where + ": the node certificate is for a " + identity.role()
                        + ", not a kiosk [node.error.role]");
            }
            if (!identity.name().equals(settings.name())) {
                problems.add(where + ": " + PrecinctNodeSettings.FILE + " names " + settings.name().value()
                        + " but the certificate " + identity.name().value() + " [node.error.certificateMismatch]");
            }
            if (!settings.peers().containsKey(settings.name())) {
                problems.add(where + ": " + PrecinctNodeSettings.FILE + " lists no peer address for this node "
                        + settings.name().value() + " [node.error.settings]");
            }
        } catch (KioskCryptoException e) {
            problems.add(where + ": the node certificate cannot be used [" + e.messageKey() + "]: "
                    + e.getMessage());
        } catch (IOException | RuntimeException e) {
            problems.add(where + ": the node certificates cannot be read as PEM [node.error.certificate]");
        }
        return problems;
    }

    /**
     * Unseals the node key with the administrator's passphrase (the caller clears it); empty for a standalone kiosk.
     *
     * @throws KioskCryptoException {@code crypto.error.wrongPassphrase} when the node key is sealed under another
     *                              passphrase, {@code node.error.notInitialised} without key or certificate
     * @throws IOException          when a file cannot be read
     */
    public static Optional<NodeCredentials> unlock(KioskConfiguration configuration, char[] passphrase)
            throws IOException {
        Objects.requireNonNull(passphrase, "passphrase");
        if (configuration.precinctNode().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NodeCredentials.unlock(configuration.precinctNode().get(), passphrase));
    }

    /**
     * Starts this machine's node of the precinct network, listening only on the configured address (returns once
     * the listener is bound; the node finds its peers in the background). The caller closes it.
     *
     * @throws PrecinctUnavailableException when the listener cannot be bound or the channel cannot start
     * @throws IllegalArgumentException     when {@code precinct.json} is not valid (the start checks catch it)
     * @throws IOException                  when a file cannot be read
     */
    public static PrecinctNode start(KioskConfiguration configuration, NodeCredentials credentials,
                                     SecureRandom random) throws IOException {
        Path directory = configuration.precinctNode().orElseThrow(() ->
                new IllegalStateException("a standalone kiosk starts no node"));
        PrecinctNodeSettings settings = settings(configuration);
        Files.createDirectories(settings.dataDirectory());
        return PrecinctNode.start(settings, credentials, NodeCredentials.authorityOf(directory), random);
    }

    /**
     * How many voting members the configured node's {@code precinct.json} lists; empty for a standalone kiosk or
     * settings that cannot be read (which {@link #problems} names). A kiosk of a package built for several kiosks
     * needs at least that many, or a network it holds the majority of alone would be a ledger of its own
     * (decision 0525).
     */
    public static OptionalInt votingMembers(KioskConfiguration configuration) {
        if (Objects.requireNonNull(configuration, "configuration").precinctNode().isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(settings(configuration).members().size());
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static PrecinctNodeSettings settings(KioskConfiguration configuration) throws IOException {
        Path directory = configuration.precinctNode().orElseThrow();
        return PrecinctNodeSettings.read(directory.resolve(PrecinctNodeSettings.FILE),
                directory.resolve(LEDGER_DIRECTORY));
    }

    /** Whether {@code address} belongs to an interface of this machine (loopback included, for tests). */
    private static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
