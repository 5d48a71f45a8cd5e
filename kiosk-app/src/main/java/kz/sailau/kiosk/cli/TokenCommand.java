package kz.sailau.kiosk.cli;

import picocli.CommandLine.Command;

/** {@code token}: the ballot desk's commands, {@code verify} and {@code redeem}. Register under the root command. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Ballot desk: verify and redeem one-time ballot tokens.",
        subcommands = {TokenVerifyCommand.class, TokenRedeemCommand.class})
public final class TokenCommand {
}
