package kz.sailau.kiosk.app;

import kz.sailau.kiosk.cli.PassphraseOption;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.model.PrintableText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sailau-kiosk start}: the election-day kiosk. Reads {@code kiosk.json}, refuses to start with one line
 * naming every problem and its key (bad or missing configuration, with a pointer to the sample; no register; no
 * active clerk; a database that disagrees with its signed audit log; missing port; missing or wrong kiosk
 * certificate; on a precinct network, anything wrong with the node directory named in {@code precinctNetwork}),
 * then opens the kiosk full screen
 * without decorations on the administrator's passphrase screen; only the administrator can exit.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start the kiosk: full screen, no decorations, exit only through the administrator.")
public final class StartCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "kiosk.json",
            description = "Configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--check-only", description = "Only check configuration, register and ports, then exit.")
    boolean checkOnly;

    @Option(names = "--ready-check", description = "Check as --check-only, then unlock the store (passphrase from "
            + "--passphrase-file or the console), open the check-in engine and prepare the fingerprint gallery "
            + "without a window or serial I/O; print the time each step took and the heap used, then exit.")
    boolean readyCheck;

    @picocli.CommandLine.Mixin
    PassphraseOption passphrase = new PassphraseOption();

    /** @param environment time, randomness, migrations, matcher and console */
    public StartCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        KioskConfiguration configuration;
        try {
            configuration = KioskConfiguration.read(config);
        } catch (ConfigurationException e) {
            String where = Files.exists(config) ? "" : "; " + whereTheConfigurationIs();
            environment.err().println("cannot start: " + PrintableText.of(e.oneLine().replaceAll("[\\r\\n]+", " "))
                    + where + " [start.error.configuration]");
            return 1;
        }
        List<String> problems = KioskPreflight.problems(configuration, environment);
        if (!problems.isEmpty()) {
            // One line with its key, every problem named (house rule: one line per refusal).
            environment.err().println("cannot start: " + PrintableText.of(String.join("; ", problems))
                    + " [start.error.notReady]");
            return 1;
        }
        if (checkOnly) {
            environment.out().println("ready to start: configuration, register and ports are in order"
                    + configuration.precinctNode().map(node -> "; precinct node " + node + " is in order")
                    .orElse("; standalone (no precinct network)"));
            return 0;
        }
        // From here the idle core warms the 1:N gallery's code up while the window opens, the store opens and the
        // passphrase is typed or derived (decision 0230); not sooner, so that the start checks before the prompt
        // have both cores and the JIT compiler to themselves (decision 0280).
        StartWarmUp warmUp = StartWarmUp.start(environment.matcher().get());
        if (readyCheck) {
            long promptAt = ManagementFactory.getRuntimeMXBean().getUptime();
            return ReadyCheck.run(configuration, environment, promptAt, passphrase.read("Kiosk passphrase", false),
                    warmUp);
        }
        return ProductionWindows.show(configuration, config, environment, warmUp);
    }

    /**
     * Points to the configuration an administrator should give: the installed kiosk's {@code /etc/sailau/kiosk.json}
     * when it exists, and the sample with every key that travels with the program (inside the installed package,
     * or {@code packaging/deploy/} of a source checkout).
     */
    static String whereTheConfigurationIs() {
        String installed = Files.isRegularFile(INSTALLED_CONFIGURATION)
                ? "the installed kiosk's is " + INSTALLED_CONFIGURATION + " (give --config "
                        + INSTALLED_CONFIGURATION + "); "
                : "";
        // jpackage's launcher sets jpackage.app-path to bin/sailau-kiosk; the sample is lib/app/deploy/kiosk.json.
        String launcher = System.getProperty("jpackage.app-path");
        Path sample = launcher == null ? null
                : Path.of(launcher).toAbsolutePath().getParent().resolveSibling("lib/app/deploy/kiosk.json");
        String from = sample != null && Files.isRegularFile(sample) ? sample.toString()
                : "packaging/deploy/kiosk.json of the source tree";
        return installed + "a sample with every key is " + from
                + " (copy it, set election, precinct and electionDay, then give --config FILE)";
    }

    /** Where {@code install-kiosk.sh} puts the configuration. */
    static final Path INSTALLED_CONFIGURATION = Path.of("/etc/sailau/kiosk.json");
}
