package kz.sailau.fingerprint.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code probe}: handshake and print the sensor's parameters. */
@Command(name = "probe", mixinStandardHelpOptions = true, description = "Handshake and print the sensor's parameters.")
final class ProbeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScannerOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(options.settings())) {
            SensorParameters parameters = scanner.open();
            out.printf("port: %s%n", options.port);
            out.printf("baud rate: %d%n", parameters.baudRate());
            out.printf("packet size: %d%n", parameters.packetSizeBytes());
            out.printf("security level: %d%n", parameters.securityLevel());
            out.printf("library size: %d%n", parameters.librarySize());
            out.printf("templates stored: %d%n", scanner.templateCount());
            out.printf("system identifier: 0x%04x%n", parameters.systemIdentifier());
            out.printf("status register: 0x%04x%n", parameters.statusRegister());
            out.printf("device address: 0x%08x%n", parameters.deviceAddress());
            return 0;
        } catch (ScannerException e) {
            return CaptureCommand.report(spec, e);
        }
    }
}
