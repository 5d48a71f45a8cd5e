package kz.sailau.kiosk.cli;

import picocli.CommandLine;

/** Adds the audit, end-of-day, bundle and wipe commands to the root command. */
final class AuditCommandLines {

    private AuditCommandLines() {
    }

    /** Adds {@code audit verify|sample}, {@code day close}, {@code bundle verify} and {@code wipe}. */
    static void register(CommandLine root, CliEnvironment environment) {
        root.addSubcommand("audit", new CommandLine(new AuditCommands.Group())
                .addSubcommand("verify", new AuditCommands.Verify(environment))
                .addSubcommand("sample", new AuditCommands.Sample(environment)));
        root.addSubcommand("day", new CommandLine(new DayCommands.Group())
                .addSubcommand("close", new DayCommands.Close(environment)));
        root.addSubcommand("bundle", new CommandLine(new BundleCommands.Group())
                .addSubcommand("verify", new BundleCommands.Verify(environment)));
        root.addSubcommand("wipe", new WipeCommand(environment));
    }
}
