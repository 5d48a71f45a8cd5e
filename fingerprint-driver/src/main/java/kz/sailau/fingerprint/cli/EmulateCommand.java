package kz.sailau.fingerprint.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.emulator.Fault;
import kz.sailau.fingerprint.emulator.FingerSource;
import kz.sailau.fingerprint.emulator.ReplyDelays;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emulate}: serve an emulated sensor on a pseudo-terminal until stopped. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = {"Serve an emulated sensor on a new pseudo-terminal until stopped (Ctrl-C).",
                "The first line of output is 'port: PATH'; open PATH with probe or capture."})
final class EmulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Folder of PNG images served in file-name order, one per finger (cycling).")
    Path images;

    @Option(names = "--script", paramLabel = "FILE",
            description = "Script instead of --images: lines 'finger FILE' and 'no-finger N'.")
    Path script;

    @Option(names = "--baud", paramLabel = "B", defaultValue = "57600",
            description = "Baud rate the sensor starts at (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--realtime", description = "Pace bytes to the baud rate, as a real sensor does.")
    boolean realtime;

    @Option(names = "--fault", paramLabel = "SPEC",
            description = "Faults: checksum[=N], drop[=BYTES], stall[=AFTER], disconnect[=AFTER], no-finger[=N],"
                    + " comma-separated.")
    String fault;

    @Option(names = "--link", paramLabel = "PATH",
            description = "Also keep a symbolic link PATH pointed at the pseudo-terminal (survives replugs).")
    Path link;

    @Option(names = "--profile", paramLabel = "ID", defaultValue = "zfm-20",
            description = "Sensor model to behave like: zfm-20, r307, r305, r503 (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--slow", description = "Answer every instruction at the latest its manual allows"
            + " (GenImg up to the image acquiring time).")
    boolean slow;

    @Option(names = "--password", paramLabel = "P", defaultValue = "0",
            description = "Handshake password the sensor expects (default ${DEFAULT-VALUE}).")
    long password;

    @Override
    public Integer call() throws Exception {
        if ((images == null) == (script == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --images or --script");
        }
        List<Fault> faults;
        FingerSource source;
        try {
            faults = fault == null ? List.of() : Fault.parse(fault);
            source = images != null ? FingerSource.folder(images) : FingerSource.script(script);
        } catch (IllegalArgumentException | IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SensorProfile model = ScannerOptions.profile(spec.commandLine(), profile);
        if (!model.acceptsBaudRate(baud)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the " + model.model() + " runs at "
                    + model.baudRates() + " baud, not " + baud);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (ScannerEmulator emulator = ScannerEmulator.builder().profile(model).baudRate(baud).realtime(realtime)
                .replyDelays(slow ? ReplyDelays.DATASHEET_MAXIMUM : ReplyDelays.NONE)
                .fingerSource(source).faults(faults).link(link).password((int) password).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                emulator.close();
                stopped.countDown();
            }, "emulator-shutdown"));
            spec.commandLine().getOut().println("port: " + emulator.devicePath());
            if (link != null) {
                spec.commandLine().getOut().println("pty: " + emulator.slavePath());
            }
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return 0;
    }
}
