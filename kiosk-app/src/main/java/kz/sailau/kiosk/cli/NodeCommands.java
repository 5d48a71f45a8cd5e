package kz.sailau.kiosk.cli;

import java.util.function.Supplier;
import java.io.PrintStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.NodeIdentity;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctNodeConsole;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import kz.sailau.kiosk.precinct.RejoinGuard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The precinct network's machines: {@code node init} (a node key and its request), {@code authority certify-node}
 * (the authority issues the node certificate), {@code node install} (the certificate into the node directory) and
 * {@code node run} (join the precinct network and serve the node console on standard input and output).
 */
public final class NodeCommands {

    private NodeCommands() {
    }

    /** Adds {@code node …} to the root and {@code certify-node} to the {@code authority} group. */
    public static void register(CommandLine root, CliEnvironment environment) {
        root.addSubcommand("node", new CommandLine(new Group())
                .addSubcommand("init", new Init(environment))
                .addSubcommand("install", new Install(environment))
                .addSubcommand("run", new Run(environment)));
        root.getSubcommands().get("authority").addSubcommand("certify-node", new CertifyNode(environment));
    }

    @Command(name = "node", mixinStandardHelpOptions = true,
            description = "A machine of the precinct network (kiosk, clerk station, ballot desk).")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create this machine's node key (ECDSA P-256) and its request for the authority.",
                    "Writes DIR/node-key.sealed and DIR/node.csr.pem."})
    static final class Init implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Node directory.")
        Path directory;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Node name, e.g. kiosk-2.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "kiosk, clerk-station or ballot-desk.")
        String role;

        @Option(names = "--precinct", required = true, paramLabel = "N", description = "Precinct number.")
        String precinct;

        @Mixin
        PassphraseOption passphrase;

        @Mixin
        Argon2Options argon2;

        Init(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            NodeName nodeName = parse(() -> new NodeName(name), "node.error.name");
            NodeRole nodeRole = parse(() -> NodeRole.parse(role), "node.error.role");
            PrecinctId precinctId = parse(() -> PrecinctId.parse(precinct), "node.error.precinct");
            ArgumentChecks.directoryToWrite(directory, "--dir");
            if (Files.exists(directory.resolve(NodeCredentials.SEALED_KEY_FILE))) {
                throw new CliException("node.error.exists", "a node key already exists in " + directory);
            }
            passphrase.useNew("New node passphrase", secret -> {
                NodeCredentials credentials = NodeCredentials.generate(nodeName, nodeRole, precinctId, env.random());
                credentials.save(directory, secret, argon2.parameters(), env.random());
                return credentials;
            });
            env.out().println("node key created in " + directory + "; request: "
                    + directory.resolve(NodeCredentials.REQUEST_FILE));
            return KioskCommandLine.OK;
        }
    }

    @Command(name = "certify-node", mixinStandardHelpOptions = true,
            description = {"Check a node's request (name, role, precinct) and issue its TLS certificate. A machine name "
                    + "is certified for one key and one role per precinct (the authority directory's "
                    + "certified-nodes.tsv): a renewal of the same key in the same role is allowed, another machine "
                    + "under a taken name or another role is refused."})
    static final class CertifyNode implements Callable<Integer> {
        private final CliEnvironment env;

        @Mixin
        AuthorityCommands.AuthorityOption authority;

        @Option(names = "--request", required = true, paramLabel = "FILE", description = "DIR/node.csr.pem.")
        Path request;

        @Option(names = "--precinct", required = true, paramLabel = "N",
                description = "The precinct the node is certified for; the request must name it.")
        String precinct;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the certificate.")
        Path out;

        @Option(names = "--validity-days", paramLabel = "DAYS", defaultValue = "60",
                description = "Certificate validity (default: ${DEFAULT-VALUE}).")
        int validityDays;

        @Mixin
        PassphraseOption passphrase;

        CertifyNode(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            PrecinctId precinctId = parse(() -> PrecinctId.parse(precinct), "node.error.precinct");
            if (validityDays <= 0 || validityDays > ArgumentChecks.MAX_VALIDITY_DAYS) {
                throw new CliException("node.error.validity", "--validity-days must be from 1 to "
                        + ArgumentChecks.MAX_VALIDITY_DAYS);
            }
            // As certify-kiosk: the output may replace only an earlier certificate, never the authority's key or the
            // node's request, and every path is checked before the authority's passphrase is read.
            authority.checked();
            byte[] requestPem = ArgumentChecks.smallFile(request, "--request");
            ArgumentChecks.replaceableFile(out, "--out", "a certificate", "-----BEGIN CERTIFICATE-----");
            ArgumentChecks.outside(out, "--out", authority.directory, "the authority directory");
            CertifiedNodeNames.read(authority.directory); // a damaged list is refused before the passphrase
            AuthorityCredentials signer = authority.unseal(passphrase);
            X509Certificate certificate = NodeCertificates.certify(signer, requestPem, precinctId,
                    env.clock(), Duration.ofDays(validityDays), env.random());
            // One key and one role per machine name and precinct (decision 0480, 0481): checked before anything is
            // written, under the directory's lock and on the list read again (decision 0505: a second run at once
            // would otherwise find the same name free).
            NodeIdentity identity = NodeCertificates.identify(certificate, signer.certificate());
            String key = Digests.sha256Hex(certificate.getPublicKey().getEncoded());
            try (CertifiedNodeNames.Held held = CertifiedNodeNames.lock(authority.directory)) {
                CertifiedNodeNames current = CertifiedNodeNames.read(authority.directory);
                if (current.check(precinctId, identity.name(), key, identity.role())) {
                    current.record(precinctId, identity.name(), key, identity.role());
                }
                AtomicFileReplacement.write(out, Pem.certificate(certificate));
            }
            env.out().println("node certificate written to " + out + " for "
                    + identity);
            return KioskCommandLine.OK;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install the node certificate and the pinned authority certificate into the node directory.")
    static final class Install implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Node directory.")
        Path directory;

        @Option(names = "--certificate", required = true, paramLabel = "FILE", description = "The node certificate.")
        Path certificate;

        @Option(names = "--authority-cert", required = true, paramLabel = "FILE",
                description = "The authority certificate to pin.")
        Path authorityCertificate;

        @Mixin
        PassphraseOption passphrase;

        Install(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            X509Certificate issued = Pem.readCertificate(readFile(certificate));
            X509Certificate authority = Pem.readCertificate(readFile(authorityCertificate));
            // The pin must be a CA certificate, as kiosk init and the ballot desk require (a node's own is not).
            KioskSignatures.checkAuthorityCertificate(authority);
            validNow(issued, "--certificate: the node certificate", env.clock());
            passphrase.use("Node passphrase", secret -> NodeCredentials.unlockUncertified(directory, secret))
                    .install(directory, issued, authority);
            env.out().println("node certificate installed in " + directory);
            return KioskCommandLine.OK;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Join the precinct network (DIR/precinct.json) and serve the node console on standard "
                    + "input and output until 'quit'. The consensus log and snapshot live in DIR/ledger; after the "
                    + "first start DIR/ledger.joined marks the node as a member."})
    static final class Run implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Node directory.")
        Path directory;

        @Option(names = "--rejoin", description = {"Start a node whose ledger went missing (node.error.ledgerMissing): "
                + "only when every other member of the precinct answers, else refused naming those that did not; "
                + "the node then catches up from them (decision 0440)."})
        boolean rejoin;

        @Mixin
        PassphraseOption passphrase;

        Run(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            PrecinctNodeSettings settings = rejoin ? checkedSettingsOf(directory) : settingsOf(directory);
            installedCertificateValidNow(directory, env.clock());
            char[] secret = passphrase.read("Node passphrase", false);
            PrintStream console = env.out();
            // The console speaks on standard output; log lines go to standard error so they never mix with it.
            System.setOut(System.err);
            PrecinctNode node;
            try {
                node = PrecinctNode.start(directory, settings, secret, env.random(), rejoin);
            } catch (PrecinctUnavailableException e) {
                throw new CliException(e.messageKey(), e.getMessage());
            }
            try (node) {
                new PrecinctNodeConsole(node, System::nanoTime).serve(
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), console);
            }
            return KioskCommandLine.OK;
        }
    }

    /**
     * Refuses a node certificate that is not valid at {@code clock}'s time: the precinct's other machines would refuse
     * it in the TLS handshake, and the node would only show as cut off.
     *
     * @throws CliException {@code node.error.certificateTime}
     */
    public static void validNow(X509Certificate certificate, String what, Clock clock) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new CliException("node.error.certificateTime", what + " is valid from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                    + ", not now: the precinct's nodes would refuse it; ask the authority for a new one");
        }
    }

    /**
     * The installed node certificate ({@code DIR/node.crt.pem}), when there is one that can be read, valid now: checked
     * by {@code node run} and {@code token desk} before the passphrase is asked ({@code clerk-station} checks the one
     * it reads anyway with {@link #validNow}), so that a certificate that has expired since {@code node install} is
     * said at once. A missing or unreadable one is left to the unlocking, which names it.
     *
     * @throws CliException {@code node.error.certificateTime}
     */
    public static void installedCertificateValidNow(Path directory, Clock clock) {
        Path file = directory.resolve(NodeCredentials.CERTIFICATE_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        X509Certificate installed;
        try {
            installed = Pem.readCertificate(ArgumentChecks.smallFile(file, NodeCredentials.CERTIFICATE_FILE));
        } catch (RuntimeException e) {
            return;
        }
        validNow(installed, "the installed node certificate " + file, clock);
    }

    /**
     * A node directory's settings ({@code DIR/precinct.json}, its ledger in {@code DIR/ledger}), checked before any
     * passphrase is asked: present, valid, and listening on an address of this machine (a node that could never bind
     * would only say later that it is cut off); and a node that has been a member of the precinct network with its
     * ledger missing or empty is refused ({@code node.error.ledgerMissing}, {@link RejoinGuard}: the remedy is
     * {@code node run --rejoin}). The one check of {@code node run}, {@code token desk} and {@code clerk-station}.
     *
     * @throws CliException {@code node.error.noSettings}, {@code node.error.settings}, {@code node.error.listen} or
     *                      {@code node.error.ledgerMissing}
     */
    public static PrecinctNodeSettings settingsOf(Path directory) {
        PrecinctNodeSettings settings = checkedSettingsOf(directory);
        try {
            RejoinGuard.refuseIfEmptied(settings);
        } catch (PrecinctUnavailableException e) {
            throw new CliException(e.messageKey(), e.getMessage());
        }
        return settings;
    }

    /** {@link #settingsOf} but for the ledger, which {@code node run --rejoin} may find missing. */
    private static PrecinctNodeSettings checkedSettingsOf(Path directory) {
        Path file = directory.resolve(PrecinctNodeSettings.FILE);
        if (!Files.isRegularFile(file)) {
            throw new CliException("node.error.noSettings", "no " + PrecinctNodeSettings.FILE + " in " + directory);
        }
        PrecinctNodeSettings settings;
        try {
            settings = PrecinctNodeSettings.read(file, directory.resolve(LEDGER_DIRECTORY));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("node.error.settings", PrecinctNodeSettings.FILE + " is not valid: "
                    + e.getMessage());
        }
        if (!settings.listensOnThisMachine()) {
            throw new CliException("node.error.listen", PrecinctNodeSettings.FILE + ": listen "
                    + settings.listen().getAddress().getHostAddress() + " is not an address of this machine (the "
                    + "precinct interface's address)");
        }
        return settings;
    }

    /** Where a node keeps its consensus log and snapshot, inside its node directory. */
    public static final String LEDGER_DIRECTORY = "ledger";

    private static <T> T parse(Supplier<T> parser, String key) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new CliException(key, e.getMessage());
        }
    }

    private static byte[] readFile(Path file) {
        return ArgumentChecks.smallFile(file, file.getFileName().toString());
    }
}
