package kz.sailau.kiosk.app.simulate;

import kz.sailau.kiosk.cli.CliException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.app.demo.DemoData;
import kz.sailau.kiosk.app.demo.DemoKiosk;
import kz.sailau.kiosk.cli.CliEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sailau-kiosk simulate}: sets up exactly like the demo ({@link DemoKiosk}: DEMO keys, the demo register,
 * the one election-day assembly) and runs N voter visits headless, with the MRZ reader, scanner and printer
 * emulated on pseudo-terminals and driven by the engine through the real drivers. Prints counts that reconcile; exits 0 only if they do. With {@code --soak-report} it
 * also measures heap after GC, threads and open file descriptors before and after and writes them to a file.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run N voter visits headless through the real engine and emulated devices; print counts "
                + "and the reconciliation (check-ins = tokens issued - voided). Exit 0 only if it reconciles."})
public final class SimulateCommand implements Callable<Integer> {

    /** Exit code when the counts do not reconcile or the resources did not stay flat. */
    public static final int NOT_RECONCILED = 1;

    private final CliEnvironment environment;

    @Option(names = "--voters", paramLabel = "N", defaultValue = "20", description = "Visits (default: ${DEFAULT-VALUE}).")
    int voters;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of every choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "simulate-data",
            description = "Demo data directory, wiped and recreated (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--faults", description = "Also inject printer paper-out, scanner unplug mid-upload and fallback mode.")
    boolean faults;

    @Option(names = "--kiosks", paramLabel = "N", defaultValue = "1",
            description = "Kiosks (1-6). With more than one: a precinct network of N kiosk JVMs and a ballot desk "
                    + "on loopback with the real replication (default: ${DEFAULT-VALUE}, one standalone kiosk).")
    int kiosks;

    @Option(names = "--cluster-faults",
            description = "With --kiosks: kill nodes (SIGKILL) and cut links at random while voters check in.")
    boolean clusterFaults;

    @Option(names = "--soak-report", paramLabel = "FILE",
            description = "Measure heap after GC, threads and open fds before and after; write them to FILE.")
    Path soakReport;

    /** @param environment time, randomness, migrations, matcher and console */
    public SimulateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (voters < 1) {
            throw new CliException("cli.error.usage", "simulate: --voters must be at least 1");
        }
        if (kiosks < 1 || kiosks > 6 || (clusterFaults && kiosks < 2)) {
            throw new CliException("cli.error.usage",
                    "simulate: --kiosks must be 1..6, and at least 2 with --cluster-faults");
        }
        if (kiosks > 1) {
            return PrecinctSimulation.run(kiosks, voters, seed, clusterFaults, data.toAbsolutePath(), environment);
        }
        PrintStream out = environment.out();
        long start = System.nanoTime();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        DemoData demo = DemoData.create(data.toAbsolutePath(), new CliEnvironment(environment.clock(),
                environment.random(), environment.migrations(), environment.matcher(), sink, environment.err()), out);
        SimulateRun.Tally tally;
        SimulateResources before;
        SimulateResources after;
        long runStart;
        try (DemoKiosk kiosk = DemoKiosk.forSimulate(demo, environment)) {
            out.printf("simulate: ready in %.1f s; %d visits, seed %d%s%n", (System.nanoTime() - start) / 1e9, voters,
                    seed, faults ? ", with faults" : "");
            SimulateRun run = new SimulateRun(kiosk, seed, faults);
            before = soakReport == null ? null : SimulateResources.measure();
            runStart = System.nanoTime();
            tally = run.run(voters, out, soakReport == null ? 0 : Math.max(1, voters / 10));
            after = soakReport == null ? null : SimulateResources.measure();
        }
        double seconds = (System.nanoTime() - runStart) / 1e9;
        SimulateRun.report(tally, out);
        out.printf("simulate: %d visits in %.1f s (%.0f ms per visit)%n", voters, seconds, seconds * 1000 / voters);
        boolean ok = tally.reconciles();
        if (soakReport != null) {
            boolean flat = before.flat(after);
            String report = "soak: date " + Instant.now() + "\n"
                    + "soak: visits " + voters + ", seed " + seed + ", faults " + faults + String.format(
                            ", %.1f s%n", seconds)
                    + "soak: before " + before.describe() + "\n"
                    + "soak: after  " + after.describe() + "\n"
                    + "soak: reconciled " + (ok ? "OK" : "NO") + "\n"
                    + "soak: resources " + (flat ? "FLAT" : "GREW") + "\n";
            Path file = soakReport.toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, report, StandardCharsets.UTF_8);
            out.print(report);
            ok &= flat;
        }
        return ok ? 0 : NOT_RECONCILED;
    }
}
