package kz.sailau.kiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.precinct.ConsoleLines;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import kz.sailau.kiosk.token.PrecinctRedeemDesk;
import kz.sailau.kiosk.token.TokenCheck;
import kz.sailau.kiosk.token.TokenRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code token desk --dir NODE_DIR ...}: the ballot desk of a precinct network. It joins the network as the desk's
 * node and then checks and redeems each token scanned (a QR scanner types the payload and Enter) or typed, one a
 * line of standard input, live against the precinct's replicated ledger ({@link PrecinctRedeemDesk}): a token no
 * kiosk issued, one voided, or one already redeemed at any desk is refused at once. Each line is answered with one
 * line: {@code ACCEPTED <id> signed|typed} (hand out the ballot) or {@code REFUSED <REASON> <key>} (do not); a desk
 * cut off from the majority answers {@code REFUSED CUT_OFF precinct.error.cutOff} and hands out nothing.
 * {@code state} prints the network line; {@code quit} (or the end of input) ends. The desk says it is ready once its
 * node is with the majority, or after {@link #READY_WAIT} without it (then it answers {@code CUT_OFF} until it is).
 *
 * <p>One passphrase opens both the desk package (the precinct token key, for typed codes) and the node key:
 * {@code node init} on the desk seals the node key under the desk package's passphrase. Every option and the node
 * directory are checked before the passphrase is asked for (the node directory must pin the authority of
 * {@code --authority-cert}: {@code token.error.nodeAuthority}); the desk package, once opened, must be signed by that
 * authority ({@code token.error.deskKeyAuthority}); nothing is written before the node joins.
 */
@Command(name = "desk", mixinStandardHelpOptions = true,
        description = {"Ballot desk of a precinct network: join it as this desk's node (DIR/precinct.json), then "
                + "check and redeem each scanned or typed token, one a line of standard input, live against the "
                + "precinct's ledger. Answers ACCEPTED <id> signed|typed or REFUSED <REASON> <key> a line; "
                + "'state' prints the network line, 'quit' ends.",
                "The node key must be sealed under the same passphrase as the desk package (node init)."})
public final class TokenDeskCommand implements Callable<Integer> {

    /** What a desk cut off from the majority answers: no ballot on this code here. */
    static final String CUT_OFF = "REFUSED CUT_OFF precinct.error.cutOff this desk has lost the precinct network: "
            + "hand out no ballot; use another desk or call a commission member";

    /**
     * How long a started desk waits for the majority before it says it is ready all the same (decision 0485): its
     * node may have found no peer within its join and started in a view of its own, which merges with the precinct
     * some seconds later (MERGE3 checks every few seconds, and a loaded machine is slower).
     */
    static final Duration READY_WAIT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(TokenDeskCommand.class);

    /** The key of a passphrase that does not open a sealed key. */
    private static final String WRONG_PASSPHRASE = "crypto.error.wrongPassphrase";

    @Mixin
    TokenDeskOptions desk;

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "This desk's node directory (node init, node install, precinct.json).")
    Path directory;

    @Spec
    CommandSpec spec;

    /** Standard input; a test gives its own lines. */
    InputStream input = System.in;

    @Override
    public Integer call() throws IOException {
        TokenDeskOptions.Checked checked = desk.checkFiles();
        ArgumentChecks.existingDirectory(directory, "--dir");
        PrecinctNodeSettings settings = NodeCommands.settingsOf(directory);
        NodeCommands.installedCertificateValidNow(directory, Clock.systemUTC());
        if (Files.isRegularFile(directory.resolve(NodeCredentials.AUTHORITY_FILE))
                && !NodeCredentials.authorityOf(directory).equals(checked.authority())) {
            // The desk would check tokens under one authority and join a network certified by another: its peers
            // would refuse it, and it would only ever say that it is cut off.
            throw new CliException("token.error.nodeAuthority", "the node directory " + directory + " pins "
                    + "another authority than --authority-cert: its network certificate is not issued by the "
                    + "authority of this precinct's desk package");
        }
        char[] secret = desk.passphrase.read("Ballot desk passphrase", false);
        TokenCheck check;
        NodeCredentials credentials;
        try {
            check = checked.open(secret);
            try {
                credentials = NodeCredentials.unlock(directory, secret);
            } catch (KioskCryptoException e) {
                if (!WRONG_PASSPHRASE.equals(e.messageKey())) {
                    throw e; // no key or certificate installed, another node's: its own message says which
                }
                throw new CliException(e.messageKey(), "the node key of " + directory + " does not open with the "
                        + "desk passphrase; seal it under the desk package's passphrase with 'node init'");
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (credentials.role() != NodeRole.BALLOT_DESK) {
            throw new CliException("node.error.role", "the node certificate in " + directory + " is of a "
                    + credentials.role().label() + ", not of a ballot desk");
        }
        if (!credentials.precinct().equals(checked.precinctId())) {
            throw new CliException("node.refused.otherPrecinct", "the node certificate is of precinct "
                    + credentials.precinct() + ", the desk checks tokens of precinct " + checked.precinctId());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintStream console = System.out;
        // The answers go to standard output; the node's log lines to standard error, never mixed with them.
        System.setOut(System.err);
        PrecinctNode node;
        try {
            node = PrecinctNode.startInDataDirectory(settings, credentials, NodeCredentials.authorityOf(directory),
                    new SecureRandom());
        } catch (PrecinctUnavailableException e) {
            System.setOut(console);
            throw new CliException(e.messageKey(), e.getMessage());
        }
        try (node) {
            serve(new PrecinctRedeemDesk(check, node), node, out);
        } finally {
            System.setOut(console);
        }
        return KioskCommandLine.OK;
    }

    private void serve(PrecinctRedeemDesk redeemDesk, PrecinctNode node, PrintWriter out) throws IOException {
        // "ready" only with the majority: the first token after it was refused as cut off while the node, alone in
        // the view it started with, had not merged with the precinct yet (BallotDeskProcessIT on a loaded machine).
        if (!node.awaitMajority(READY_WAIT)) {
            LOG.warn("desk {}: no majority of the precinct after {} s ({}); every token is refused (CUT_OFF) until "
                    + "there is", node.name(), READY_WAIT.toSeconds(), node.networkState().summary());
        }
        out.println("desk " + node.name() + " ready: scan or type a ballot token, one a line; 'quit' ends");
        out.flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        String line;
        while ((line = ConsoleLines.next(lines)) != null) {
            String code = line.strip();
            if (code.isEmpty()) {
                continue;
            }
            String word = code.toLowerCase(Locale.ROOT);
            if (word.equals("quit")) {
                out.println("bye");
                out.flush();
                return;
            }
            if (word.equals("state")) {
                out.println("state " + node.networkState().summary());
            } else if (ConsoleLines.tooLong(line)) {
                out.println("REFUSED " + TokenRefusal.MALFORMED.name() + " " + TokenRefusal.MALFORMED.messageKey());
            } else {
                try {
                    TokenRedeemCommand.report(redeemDesk.redeem(code), out);
                } catch (PrecinctUnavailableException e) {
                    out.println(CUT_OFF);
                }
            }
            out.flush();
        }
    }
}
