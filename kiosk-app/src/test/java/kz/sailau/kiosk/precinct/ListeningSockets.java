package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc}: the socket inodes among the process's
 * file descriptors, matched with the LISTEN rows (state 0A) of {@code /proc/net/tcp} and {@code tcp6}.
 */
public final class ListeningSockets {

    private ListeningSockets() {
    }

    /** "address:port" of every listening TCP socket of process {@code pid}. */
    public static List<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // a descriptor closed while we looked
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            // Read once: the table changes while other sockets open and close, and two reads may differ in length.
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 9 && columns[3].equals("0A") && inodes.contains(columns[9])) {
                    listening.add(address(columns[1]));
                }
            }
        }
        return listening;
    }

    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String v4 = parts[0].length() == 32 && parts[0].startsWith("0000000000000000FFFF0000")
                ? parts[0].substring(24) : parts[0];
        if (v4.length() == 8) {
            long value = Long.parseLong(v4, 16);
            // /proc prints the IPv4 address as a little-endian 32-bit number.
            return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "."
                    + ((value >> 24) & 0xff) + ":" + port;
        }
        return parts[0] + ":" + port;
    }
}
