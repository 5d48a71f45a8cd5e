package kz.sailau.kiosk.app.simulate;

import kz.sailau.kiosk.cli.ArgumentChecks;
import kz.sailau.kiosk.cli.CliException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.app.demo.DemoData;
import kz.sailau.kiosk.app.demo.DemoKiosk;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.timeline.PhaseTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sailau-kiosk simulate}: sets up exactly like the demo ({@link DemoKiosk}: DEMO keys, the demo register,
 * the one election-day assembly) and runs N voter visits headless, with the MRZ reader, scanner and printer
 * emulated on pseudo-terminals and driven by the engine through the real drivers. Prints counts that reconcile; exits 0 only if they do. With {@code --soak-report} it
 * also measures heap after GC, threads and open file descriptors before and after and writes them to a file.
 *
 * <p>It also prints the check-in timeline's p50/p95 table (decision 0190). With {@code --realtime} the scanner
 * emulator paces every byte to {@code --baud} as a real sensor does, and the run ends with the line
 * {@code latency voters=V wire=W p50=A p95=B ratio=R} ({@link LatencyLine}); {@code --register-size N} grows the
 * register to N voters first ({@link RegisterFiller}) so that the 1:N search runs at a precinct's size.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run N voter visits headless through the real engine and emulated devices; print counts "
                + "and the reconciliation (check-ins = tokens issued - voided). Exit 0 only if it reconciles."})
public final class SimulateCommand implements Callable<Integer> {

    /** Exit code when the counts do not reconcile or the resources did not stay flat. */
    public static final int NOT_RECONCILED = 1;
    /** The largest register {@code --register-size} makes. */
    static final int MAX_REGISTER_SIZE = 20_000;
    /** How a soak report begins: it marks a file as an earlier report, the only file {@code --soak-report} replaces. */
    static final String SOAK_MARKER = "soak: date ";

    private final CliEnvironment environment;

    @Option(names = "--voters", paramLabel = "N", defaultValue = "20", description = "Visits (default: ${DEFAULT-VALUE}).")
    int voters;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of every choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "simulate-data",
            description = "Demo data directory, wiped and recreated: it must be new, empty or one the demo or "
                    + "the simulation made (marked " + DemoData.MARKER + "; default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--faults", description = "Also inject printer paper-out, scanner unplug mid-upload and fallback mode.")
    boolean faults;

    @Option(names = "--realtime", description = "Pace the scanner emulator at its real baud rate; end with the "
            + "latency line (finger → token against the image's wire time).")
    boolean realtime;

    @Option(names = "--baud", paramLabel = "B", defaultValue = "115200",
            description = "Scanner line speed, 9600 × 1..12 (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--register-size", paramLabel = "N", defaultValue = "0",
            description = "Grow the demo register to N voters (synthetic, two fingers each) before the run.")
    int registerSize;
    @Option(names = "--kiosks", paramLabel = "N", defaultValue = "1",
            description = "Kiosks (1-6). With more than one: a precinct network of N kiosk JVMs and a ballot desk "
                    + "on loopback with the real replication (default: ${DEFAULT-VALUE}, one standalone kiosk).")
    int kiosks;

    @Option(names = "--cluster-faults",
            description = "With --kiosks: kill nodes (SIGKILL) and cut links at random while voters check in.")
    boolean clusterFaults;

    @Option(names = "--spare",
            description = "With --kiosks: mid-day the last kiosk dies for good; the administrator withdraws it and "
                    + "admits a spare kiosk, which catches up while check-ins go on and then takes visits.")
    boolean spare;

    @Option(names = "--min-faults", paramLabel = "N", defaultValue = "0",
            description = "With --cluster-faults: at least N faults, spread over the visits (visits wait for them).")
    int minFaults;

    @Option(names = "--soak-report", paramLabel = "FILE",
            description = "Measure heap after GC, threads and open fds before and after; write them to FILE (a new "
                    + "file in an existing folder, or an earlier soak report).")
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
        if (baud % 9600 != 0 || baud / 9600 < 1 || baud / 9600 > 12) {
            throw new CliException("cli.error.usage", "simulate: --baud must be 9600 × 1..12 (e.g. 57600, 115200)");
        }
        if (registerSize < 0 || registerSize > MAX_REGISTER_SIZE) {
            throw new CliException("cli.error.usage", "simulate: --register-size must be 0.." + MAX_REGISTER_SIZE);
        }
        if (kiosks < 1 || kiosks > 6 || (clusterFaults && kiosks < 2)) {
            throw new CliException("cli.error.usage",
                    "simulate: --kiosks must be 1..6, and at least 2 with --cluster-faults");
        }
        if (kiosks > 1 && (realtime || registerSize > 0)) {
            throw new CliException("cli.error.usage",
                    "simulate: --realtime and --register-size measure one kiosk; leave them out with --kiosks");
        }
        if ((spare && kiosks < 2) || minFaults < 0 || (minFaults > 0 && !clusterFaults)) {
            throw new CliException("cli.error.usage",
                    "simulate: --spare needs --kiosks 2 or more; --min-faults N (N >= 0) needs --cluster-faults");
        }
        if (soakReport != null) {
            // Checked before the run, and only an earlier soak report may be replaced (not the passphrase file, a
            // voters.csv or a directory, found only after the whole run).
            ArgumentChecks.replaceableFile(soakReport, "--soak-report", "a soak report", SOAK_MARKER);
        }
        // Both runs wipe --data: only a directory the demo or the simulation made (or a new or empty one) may be.
        DemoData.checkWipeable(data.toAbsolutePath());
        if (kiosks > 1) {
            return PrecinctSimulation.run(new PrecinctSimulation.Plan(kiosks, voters, seed, clusterFaults, minFaults,
                    spare), data.toAbsolutePath(), environment);
        }
        PrintStream out = environment.out();
        long start = System.nanoTime();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        DemoData demo = DemoData.create(data.toAbsolutePath(), new CliEnvironment(environment.clock(),
                environment.random(), environment.migrations(), environment.matcher(), sink, environment.err()), out);
        List<RegisterFiller.Visitor> visitors = List.of();
        if (registerSize > 0) {
            visitors = RegisterFiller.fill(demo, registerSize, new CliEnvironment(environment.clock(), environment.random(),
                    environment.migrations(), environment.matcher(), sink, environment.err()), out);
        }
        SimulateRun.Tally tally;
        SimulateResources before;
        SimulateResources after;
        long runStart;
        LatencyLine latency = new LatencyLine();
        PhaseTable table;
        int registered;
        try (DemoKiosk kiosk = DemoKiosk.forSimulate(demo, environment, realtime, baud)) {
            kiosk.electionDay().devices().ifPresent(runner -> runner.addObserver(latency));
            long gallery = System.nanoTime();
            registered = kiosk.engine().prepareGallery();
            out.printf("simulate: 1:N gallery of %d voters prepared in %.1f s%n", registered,
                    (System.nanoTime() - gallery) / 1e9);
            out.printf("simulate: ready in %.1f s; %d visits, seed %d%s%s%n", (System.nanoTime() - start) / 1e9, voters,
                    seed, faults ? ", with faults" : "", realtime ? ", scanner paced at " + baud + " baud" : "");
            SimulateRun run = new SimulateRun(kiosk, seed, faults);
            run.addRegistered(visitors);
            before = soakReport == null ? null : SimulateResources.measure();
            runStart = System.nanoTime();
            tally = run.run(voters, out, soakReport == null ? 0 : Math.max(1, voters / 10));
            after = soakReport == null ? null : SimulateResources.measure();
            table = kiosk.engine().timeline().table();
        }
        double seconds = (System.nanoTime() - runStart) / 1e9;
        SimulateRun.report(tally, out);
        out.printf("simulate: %d visits in %.1f s (%.0f ms per visit)%n", voters, seconds, seconds * 1000 / voters);
        out.println("timeline (this run; counts per phase, p50 and p95):");
        table.lines().forEach(line -> out.println("  " + line));
        boolean ok = tally.reconciles();
        if (soakReport != null) {
            boolean flat = before.flat(after);
            String report = SOAK_MARKER + Instant.now() + "\n"
                    + "soak: visits " + voters + ", seed " + seed + ", faults " + faults + String.format(
                            ", %.1f s%n", seconds)
                    + "soak: before " + before.describe() + "\n"
                    + "soak: after  " + after.describe() + "\n"
                    + "soak: reconciled " + (ok ? "OK" : "NO") + "\n"
                    + "soak: resources " + (flat ? "FLAT" : "GREW") + "\n";
            AtomicFileReplacement.write(soakReport, report.getBytes(StandardCharsets.UTF_8));
            out.print(report);
            ok &= flat;
        }
        if (realtime) {
            out.println(latency.line(registered, table));
        }
        return ok ? 0 : NOT_RECONCILED;
    }
}
