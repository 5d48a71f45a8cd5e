package kz.sailau.fingerprint.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.serial.SensorProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code probe}: handshake and print what the kiosk needs to know about the sensor. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Handshake and print what the kiosk needs to know about the sensor: its parameters, GenImg"
                + " time, the model-specific instructions it answers, its image size (with --finger).",
                "Writes nothing to the module."})
final class ProbeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScannerOptions options;

    @Option(names = "--finger", description = "Wait for a finger and count the bytes of one image upload.")
    boolean finger;

    @Option(names = "--finger-timeout-s", paramLabel = "S", defaultValue = "30",
            description = "How long to wait for the finger (default ${DEFAULT-VALUE} s).")
    long fingerTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            for (String line : SensorProbe.run(options.settings(spec.commandLine()),
                    finger ? Duration.ofSeconds(fingerTimeoutSeconds) : null, System::nanoTime)) {
                out.println(line);
            }
            return 0;
        } catch (ScannerException e) {
            return CaptureCommand.report(spec, e);
        }
    }
}
