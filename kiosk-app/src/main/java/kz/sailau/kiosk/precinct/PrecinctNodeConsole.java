package kz.sailau.kiosk.precinct;

import java.util.Locale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.NodeName;

/**
 * A line protocol over a running {@link PrecinctNode}, for headless nodes (the simulation drives each node JVM
 * through it) and for the administrator's console. One request per line, one answer line each:
 *
 * <pre>
 * checkin HEX64 [METHOD [ID]]  → checkin OUTCOME MILLIS  (OUTCOME is a PrecinctOutcome or UNAVAILABLE)
 * paper HEX64 [ID]             → paper OUTCOME MILLIS
 * issue | void HEX32 [ID]      → issue OUTCOME MILLIS
 * redeem HEX32 typed|scanned [ID] → redeem OUTCOME MILLIS
 *   (ID: 32 hex digits, the command id; give the same id to retry a command whose answer was lost)
 * checked HEX64            → checked yes|no               (this node's replica)
 * seal [ID]                → seal OUTCOME MILLIS
 * admit CERT.pem           → admit OUTCOME MILLIS
 * withdraw NAME            → withdraw OUTCOME MILLIS
 * state                    → state SUMMARY                (see NetworkState#summary)
 * counts                   → counts checkedIn=… fingerprint=… override=… cardless=… fallback=… paper=… issued=… voided=… redeemed=… seals=…
 * refusals                 → refusals KEY=N …
 * snapshot                 → snapshot done                 (the whole log: after every node applied the seal)
 * close DIR                → close FILE                    (the node's signed end-of-day bundle, after the seal)
 * quit                     → bye
 * </pre>
 * A bad request is answered {@code error KEY message}; nothing is changed by it (a line longer than
 * {@link ConsoleLines#MAX_LINE} characters: {@code error precinct.console.tooLong}). So is a refused membership change
 * (a certificate of another precinct or authority, a machine that is a member already, withdrawing this machine or
 * a machine without which the rest reach no majority: see {@link PrecinctNode#admit}, {@link PrecinctNode#withdraw}).
 */
public final class PrecinctNodeConsole {

    /** The answer to a request line longer than {@link ConsoleLines#MAX_LINE}: nothing is done for it. */
    static final String TOO_LONG = "error precinct.console.tooLong a request line is longer than "
            + ConsoleLines.MAX_LINE + " characters";

    private final PrecinctNode node;
    private final Supplier<Long> nanoTime;

    /**
     * @param node     the running node
     * @param nanoTime a monotonic clock for the latency column (System::nanoTime in production)
     */
    public PrecinctNodeConsole(PrecinctNode node, Supplier<Long> nanoTime) {
        this.node = Objects.requireNonNull(node, "node");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Serves requests until {@code quit} or the end of the input; a line longer than {@link ConsoleLines#MAX_LINE}
     * is answered {@code error precinct.console.tooLong …} and read to its end without being kept.
     */
    public void serve(BufferedReader in, PrintStream out) throws IOException {
        out.println("ready " + node.name());
        out.flush();
        for (String line = ConsoleLines.next(in); line != null; line = ConsoleLines.next(in)) {
            String answer = ConsoleLines.tooLong(line) ? TOO_LONG : answer(line.strip());
            out.println(answer);
            out.flush();
            if (answer.equals("bye")) {
                return;
            }
        }
    }

    /** The answer to one request line. */
    public String answer(String line) {
        String[] words = line.split("\\s+");
        String verb = words[0];
        try {
            return switch (verb) {
                case "checkin" -> timed(verb, () -> node.submit(new PrecinctCommand.CheckIn(id(words, 3),
                        node.name(), hex(words, 1, 32), words.length > 2 ? method(words[2]) : 0)));
                case "paper" -> timed(verb, () -> node.submit(new PrecinctCommand.PaperMark(id(words, 2), node.name(),
                        hex(words, 1, 32))));
                case "issue" -> timed(verb, () -> node.submit(new PrecinctCommand.IssueToken(id(words, 2),
                        node.name(), hex(words, 1, 16))));
                case "void" -> timed(verb, () -> node.submit(new PrecinctCommand.VoidToken(id(words, 2), node.name(),
                        hex(words, 1, 16))));
                case "redeem" -> timed(verb, () -> node.submit(new PrecinctCommand.RedeemToken(id(words, 3),
                        node.name(), hex(words, 1, 16), words.length > 2 && words[2].equals("typed"))));
                case "checked" -> {
                    byte[] voter = hex(words, 1, 32);
                    yield "checked " + (node.read(state -> state.isCheckedIn(voter)) ? "yes" : "no");
                }
                case "seal" -> timed(verb, () -> node.submit(new PrecinctCommand.Seal(id(words, 1), node.name())));
                case "admit" -> timed(verb, () -> node.admit(Pem.readCertificate(read(words))));
                case "withdraw" -> timed(verb, () -> node.withdraw(new NodeName(argument(words, 1))));
                case "state" -> "state " + node.networkState().summary();
                case "counts" -> "counts " + node.read(PrecinctNodeConsole::counts);
                case "refusals" -> "refusals " + refusals();
                case "snapshot" -> {
                    node.snapshotToTheSeal();
                    yield "snapshot done";
                }
                case "close" -> {
                    try {
                        yield "close " + node.closeDay(Path.of(argument(words, 1)));
                    } catch (IllegalStateException e) {
                        yield "error precinct.console.notSealed " + e.getMessage();
                    } catch (IOException | PrecinctUnavailableException e) {
                        yield "error precinct.console.closeFailed " + e.getMessage();
                    }
                }
                case "quit" -> "bye";
                default -> "error precinct.console.unknown unknown request " + verb;
            };
        } catch (IllegalArgumentException e) {
            return "error precinct.console.badRequest " + e.getMessage();
        } catch (KioskCryptoException e) {
            return "error " + e.messageKey() + " " + e.getMessage();
        } catch (PrecinctMembershipException e) {
            return "error " + e.messageKey() + " " + e.getMessage();
        }
    }

    private String timed(String verb, Supplier<PrecinctOutcome> action) {
        long start = nanoTime.get();
        String outcome;
        try {
            outcome = action.get().name();
        } catch (PrecinctUnavailableException e) {
            outcome = "UNAVAILABLE";
        }
        return verb + " " + outcome + " " + String.format(Locale.ROOT, "%.2f",
                (nanoTime.get() - start) / 1e6);
    }

    private String refusals() {
        StringBuilder line = new StringBuilder();
        node.refusals().forEach((key, count) -> line.append(key).append('=').append(count).append(' '));
        line.append("repeated=").append(node.repeatedCommands());
        return line.toString();
    }

    /** The counters as one line. */
    static String counts(PrecinctLedgerState state) {
        return "checkedIn=" + state.checkedInCount()
                + " fingerprint=" + state.total(PrecinctLedgerState.Count.CHECK_IN_FINGERPRINT)
                + " override=" + state.total(PrecinctLedgerState.Count.CHECK_IN_OVERRIDE)
                + " cardless=" + state.total(PrecinctLedgerState.Count.CHECK_IN_CARDLESS)
                + " fallback=" + state.total(PrecinctLedgerState.Count.CHECK_IN_FALLBACK)
                + " paper=" + state.total(PrecinctLedgerState.Count.PAPER_MARK)
                + " issued=" + state.total(PrecinctLedgerState.Count.TOKEN_ISSUED)
                + " voided=" + state.total(PrecinctLedgerState.Count.TOKEN_VOIDED)
                + " redeemed=" + state.total(PrecinctLedgerState.Count.TOKEN_REDEEMED)
                + " seals=" + state.total(PrecinctLedgerState.Count.SEAL);
    }

    private byte[] id(String[] words, int index) {
        return words.length > index ? hex(words, index, PrecinctCommand.ID_LENGTH) : node.newCommandId();
    }

    /** A check-in method's number; a word that is no small number is a bad request, not a parser's message. */
    private static int method(String word) {
        if (!word.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("method must be 0..3");
        }
        return Integer.parseInt(word);
    }

    private static String argument(String[] words, int index) {
        if (words.length <= index) {
            throw new IllegalArgumentException("missing argument " + index);
        }
        return words[index];
    }

    private static byte[] hex(String[] words, int index, int length) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(argument(words, index));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("argument " + index + " must be hex");
        }
        if (bytes.length != length) {
            throw new IllegalArgumentException("argument " + index + " must be " + length + " bytes of hex");
        }
        return bytes;
    }

    private static byte[] read(String[] words) {
        try {
            return Files.readAllBytes(Path.of(argument(words, 1)));
        } catch (IOException e) {
            throw new IllegalArgumentException("certificate file cannot be read");
        }
    }
}
