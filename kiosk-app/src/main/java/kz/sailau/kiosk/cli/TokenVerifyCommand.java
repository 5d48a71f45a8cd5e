package kz.sailau.kiosk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code token verify CODE}: checks a scanned QR payload or a typed code without redeeming it. Prints
 * {@code ACCEPTED <id> (signed|typed)} and exits 0, or {@code REFUSED <REASON> <message key>} and exits 1.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a ballot token (QR payload or typed code) without redeeming it.")
public final class TokenVerifyCommand implements Callable<Integer> {

    @Mixin
    TokenDeskOptions desk;

    @Parameters(index = "0", paramLabel = "CODE", description = "The QR payload (SLT1:...) or the typed code.")
    String code;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return TokenRedeemCommand.report(desk.check().check(code), spec.commandLine().getOut());
    }
}
