package kz.sailau.kiosk.devices;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import kz.sailau.fingerprint.serial.SerialPorts;

/**
 * The serial ports present now, to offer to the administrator: what the serial opener enumerates
 * ({@code /dev/ttyUSB0}, {@code /dev/ttyS0} ...) and the kiosk's udev links {@code /dev/sailau-*}
 * (see {@code packaging/deploy/60-sailau-serial.rules}), sorted, links first.
 */
public final class SerialPortList {

    private SerialPortList() {
    }

    /** The ports present now: the {@code sailau-*} links in {@code /dev}, then the enumerated ports. */
    public static List<String> present() {
        return present(Path.of("/dev"), "sailau-*");
    }

    /**
     * The ports present now: entries of {@code directory} matching {@code glob} (links such as the demo's
     * emulated devices), then the ports jSerialComm enumerates.
     */
    public static List<String> present(Path directory, String glob) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(glob, "glob");
        List<String> ports = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            TreeSet<String> links = new TreeSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, glob)) {
                for (Path entry : entries) {
                    links.add(entry.toAbsolutePath().toString());
                }
            } catch (IOException e) {
                // An unreadable directory offers no links; the enumerated ports follow.
            }
            ports.addAll(links);
        }
        TreeSet<String> enumerated = new TreeSet<>(SerialPorts.enumerate());
        enumerated.removeAll(ports);
        ports.addAll(enumerated);
        return ports;
    }
}
