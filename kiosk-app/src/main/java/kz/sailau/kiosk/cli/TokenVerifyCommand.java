package kz.sailau.kiosk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.token.TokenCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code token verify CODE...}: checks scanned QR payloads or typed codes without redeeming them. Prints one line
 * per code, {@code ACCEPTED <id> (signed|typed)} or {@code REFUSED <REASON> <message key>}; exits 0 when every code
 * was accepted, 1 otherwise.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check ballot tokens (QR payloads or typed codes) without redeeming them.",
                "Exit code 0: every code accepted; 1: at least one refused (one line per code)."})
public final class TokenVerifyCommand implements Callable<Integer> {

    @Mixin
    TokenDeskOptions desk;

    @Parameters(arity = "1..*", paramLabel = "CODE", description = "QR payloads (SLT1:...) or typed codes.")
    List<String> codes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TokenCheck check = desk.check();
        PrintWriter out = spec.commandLine().getOut();
        int exit = KioskCommandLine.OK;
        for (String code : codes) {
            exit = Math.max(exit, TokenRedeemCommand.report(check.check(code), out));
        }
        return exit;
    }
}
