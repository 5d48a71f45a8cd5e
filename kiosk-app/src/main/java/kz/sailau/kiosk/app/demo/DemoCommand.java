package kz.sailau.kiosk.app.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.cli.CliEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sailau-kiosk demo}: creates a fresh demo data directory (DEMO keys, demo register of precinct 101),
 * starts the emulated scanner and printer on pseudo-terminals, and opens the kiosk window with the demo
 * voter panel. {@code demo --check} does the same setup and checks one voter end to end without a screen.
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

    /** @param environment time, randomness, migrations, matcher and console */
    public DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        DemoData demo = DemoData.create(data.toAbsolutePath(), quiet(), environment.out());
        try (DemoKiosk kiosk = DemoKiosk.forDemo(demo, environment, !check)) {
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
