package kz.sailau.fingerprint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capture}: wait for a finger, upload its image and write it as PNG. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Wait for a finger, upload the image, write it as PNG; print bytes, wire and total time.")
final class CaptureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScannerOptions options;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "PNG file to write.")
    Path out;

    @Option(names = "--finger-timeout-s", paramLabel = "S", defaultValue = "30",
            description = "How long to wait for a finger (default ${DEFAULT-VALUE} s).")
    long fingerTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(options.settings(spec.commandLine()))) {
            scanner.open();
            stderr.println("place a finger on the sensor");
            stderr.flush();
            Capture capture = scanner.capture(new ConsoleProgress(stderr), Duration.ofSeconds(fingerTimeoutSeconds));
            capture.writePng(out);
            stdout.printf("image: %s (%dx%d, %d dpi)%n", out, capture.width(), capture.height(), capture.dpi());
            stdout.printf("bytes: %d%n", capture.wireBytes());
            stdout.printf("baud rate: %d%n", scanner.lineBaudRate());
            stdout.printf("wire time: %d ms%n", capture.wireTime().toMillis());
            stdout.printf("total time: %d ms%n", capture.totalTime().toMillis());
            return 0;
        } catch (ScannerException e) {
            return report(spec, e);
        } catch (IOException e) {
            stderr.printf("error: cannot write %s: %s%n", out, e.getMessage());
            return FingerprintCommand.EXIT_SCANNER_FAILURE;
        }
    }

    static int report(CommandSpec spec, ScannerException e) {
        spec.commandLine().getErr().printf("error: %s: %s%n", e.messageKey(), e.technicalMessage());
        return FingerprintCommand.EXIT_SCANNER_FAILURE;
    }

    /** Prints a percentage on stderr every tenth of the image. */
    private static final class ConsoleProgress implements CaptureProgress {
        private final PrintWriter err;
        private long lastTenth = -1;

        ConsoleProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void fingerDetected() {
            err.println("finger detected, uploading image");
            err.flush();
        }

        @Override
        public void bytesReceived(long bytesReceived, long totalBytes) {
            long tenth = bytesReceived * 10 / totalBytes;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.printf("%3d%%%n", tenth * 10);
                err.flush();
            }
        }
    }
}
