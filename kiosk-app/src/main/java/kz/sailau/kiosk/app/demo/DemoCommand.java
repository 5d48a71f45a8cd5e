package kz.sailau.kiosk.app.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.model.PrecinctId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sailau-kiosk demo}: creates a fresh demo data directory (DEMO keys, demo register of precinct 101),
 * starts the emulated scanner and printer on pseudo-terminals, and opens the kiosk window with the demo
 * voter panel. {@code demo --check} does the same setup and checks one voter end to end without a screen.
 * {@code demo --precinct} makes the demo kiosk a node of a DEMO precinct network of three on loopback
 * ({@link DemoPrecinct}); the panel can cut it off and reconnect it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the kiosk in demo mode: fresh DEMO keys and register in --data (wiped and "
                + "recreated), emulated scanner and printer, the kiosk window and a demo voter panel.",
                "With --check: no window; check one voter end to end and exit 0 on success."})
public final class DemoCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "demo-data",
            description = "Demo data directory, wiped and recreated (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--check", description = "Run one voter end to end without a window and exit.")
    boolean check;

    @Option(names = "--precinct", description = "Run the demo kiosk as kiosk-1 of a DEMO precinct network of three "
            + "nodes on loopback (kiosk-2 and desk-1 as their own JVMs; DEMO keys made on the spot); the panel cuts "
            + "it off and reconnects it.")
    boolean precinct;

    /** @param environment time, randomness, migrations, matcher and console */
    public DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        if (!check && !DemoWindows.startToolkit(environment.err())) {
            return 1;
        }
        DemoData demo = DemoData.create(data.toAbsolutePath(), quiet(), environment.out());
        try (DemoPrecinct network = precinct ? DemoPrecinct.start(demo.directory().resolve("precinct"),
                new PrecinctId(KioskConfiguration.defaults().precinct()), environment.clock(), environment.random())
                : null;
             DemoKiosk kiosk = network == null ? DemoKiosk.forDemo(demo, environment, !check)
                     : DemoKiosk.forDemo(demo, environment, !check, network)) {
            if (network != null) {
                if (!network.awaitMajority(Duration.ofSeconds(90))) {
                    environment.err().println("demo: the DEMO precinct network did not form within 90 s; see the "
                            + "node logs in " + demo.directory().resolve("precinct") + " [precinct.error.cutOff]");
                    return 1;
                }
                environment.out().println("demo: precinct network of 3 nodes on loopback; this kiosk is "
                        + DemoPrecinct.SELF.value() + ", " + network.node().networkState().summary());
            }
            environment.out().printf("demo: ready in %.1f s; data in %s; DEMO passphrase: %s%n",
                    (System.nanoTime() - start) / 1e9, demo.directory(), DemoData.PASSPHRASE);
            environment.out().println("demo: scanner " + demo.devicesDirectory().resolve("scanner") + ", printer "
                    + demo.devicesDirectory().resolve("printer") + ", MRZ reader " + demo.devicesDirectory().resolve("mrz-reader"));
            if (check) {
                return DemoCheck.run(kiosk, environment.out());
            }
            return DemoWindows.show(kiosk, environment.out());
        }
    }

    /** The setup steps' own output goes to the log only, so the demo prints a few clear lines. */
    private CliEnvironment quiet() {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        return new CliEnvironment(environment.clock(), environment.random(), environment.migrations(),
                environment.matcher(), sink, environment.err());
    }
}
