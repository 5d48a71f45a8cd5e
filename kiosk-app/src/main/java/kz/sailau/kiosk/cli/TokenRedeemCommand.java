package kz.sailau.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.token.RedeemLedger;
import kz.sailau.kiosk.token.TokenCheck;
import kz.sailau.kiosk.token.TokenStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code token redeem --ledger FILE CODE}: the ballot desk checks a token and records it as redeemed, durably
 * and atomically, in its own SQLite ledger. Exit 0 with {@code ACCEPTED ...}: hand out the ballot; exit 1 with
 * {@code REFUSED <REASON> <message key>}: do not. Exit 0 with {@code ACCEPTED <id> signed|typed AGAIN
 * token.redeem.answeredAgain}: the run before redeemed this token and was stopped before it answered; hand out the
 * ballot only if that run printed nothing for this voter (decision 0510). An answer that cannot be written to the
 * standard output is an error ({@code token.error.answerNotShown}, exit 1) that leaves the redemption to be answered
 * again, as a run stopped before its answer does.
 */
@Command(name = "redeem", mixinStandardHelpOptions = true,
        description = "Check a ballot token and redeem it once in the ballot desk's ledger.")
public final class TokenRedeemCommand implements Callable<Integer> {

    @Mixin
    TokenDeskOptions desk;

    @Option(names = "--ledger", required = true, description = "The ballot desk's SQLite ledger (created if absent).")
    Path ledger;

    @Parameters(index = "0", paramLabel = "CODE", description = "The QR payload (SLT1:...) or the typed code.")
    String code;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TokenCheck check = desk.check();
        ArgumentChecks.fileToWrite(ledger, "--ledger");
        if (!Files.exists(ledger)) {
            // A refused token must not leave a new, empty ledger behind: check it before the file is created.
            TokenCheck.Verdict verdict = check.check(code);
            if (!verdict.accepted()) {
                return report(verdict, spec.commandLine().getOut());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RedeemLedger redeemLedger = new RedeemLedger(ledger, check)) {
            // The answer is printed after the commit and before the unanswered slot is emptied (decision 0510).
            RedeemLedger.Redeemed redeemed = redeemLedger.redeem(code, r -> {
                if (r.again()) {
                    reportAgain(r.verdict(), out);
                } else {
                    report(r.verdict(), out);
                }
                if (out.checkError()) {
                    // Nobody saw the answer: thrown from the answer, the slot stays for the retry (decision 0510).
                    throw new CliException("token.error.answerNotShown", "the answer could not be written to the "
                            + "standard output (closed, or a device that refuses writes), so nobody has seen it: run "
                            + "the same code again at once (a redemption this run recorded is then answered AGAIN)");
                }
            });
            return redeemed.verdict().accepted() ? KioskCommandLine.OK : KioskCommandLine.FAILED;
        } catch (TokenStoreException e) {
            throw new CliException(e.messageKey(), e.getMessage());
        }
    }

    /**
     * The answer to a run whose token the run before redeemed, stopped before it answered (decision 0510): the
     * ballot is handed out only if that run showed no answer for this voter.
     */
    private static void reportAgain(TokenCheck.Verdict verdict, PrintWriter out) {
        out.println("ACCEPTED " + verdict.id().orElseThrow() + (verdict.typed() ? " typed" : " signed")
                + " AGAIN token.redeem.answeredAgain");
        out.flush();
    }

    static int report(TokenCheck.Verdict verdict, PrintWriter out) {
        if (verdict.accepted()) {
            out.println("ACCEPTED " + verdict.id().orElseThrow() + (verdict.typed() ? " typed" : " signed"));
            out.flush();
            return KioskCommandLine.OK;
        }
        var refusal = verdict.refusal().orElseThrow();
        out.println("REFUSED " + refusal.name() + " " + refusal.messageKey());
        out.flush();
        return KioskCommandLine.FAILED;
    }
}
