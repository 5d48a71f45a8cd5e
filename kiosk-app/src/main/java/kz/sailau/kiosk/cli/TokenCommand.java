package kz.sailau.kiosk.cli;

import picocli.CommandLine.Command;

/**
 * {@code token}: the ballot desk's commands, {@code verify} and {@code redeem}, the precinct network's {@code desk},
 * and the end-of-day
 * {@code reconcile}. Register under the root command.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Ballot desk: verify and redeem one-time ballot tokens; reconcile them at the end of the day.",
        subcommands = {TokenVerifyCommand.class, TokenRedeemCommand.class, TokenDeskCommand.class,
                TokenReconcileCommand.class})
public final class TokenCommand {
}
