package kz.sailau.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TCP and UDP sockets a process owns, read from {@code /proc}: the socket inodes among the process's
 * file descriptors ({@code /proc/<pid>/fd/* -> socket:[inode]}) joined with the kernel's socket tables
 * {@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6} (proc(5): column 4 is the state, column 10
 * the inode; TCP state {@code 0A} is LISTEN, see include/net/tcp_states.h).
 */
final class InetSockets {

    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6");
    private static final String TCP_LISTEN = "0A";

    /** One socket of the process: its table, local address (hex as in /proc), state and whether it listens. */
    record Socket(String table, String localAddress, String state, boolean listening) {
    }

    private InetSockets() {
    }

    /** The TCP/UDP sockets owned by the process and its descendants at this instant. */
    static List<Socket> of(ProcessHandle process) throws IOException {
        Set<String> inodes = new HashSet<>();
        inodesOf(process.pid(), inodes);
        process.descendants().forEach(child -> {
            try {
                inodesOf(child.pid(), inodes);
            } catch (IOException e) {
                // the child ended between listing and reading: it owns nothing any more
            }
        });
        List<Socket> sockets = new ArrayList<>();
        for (String table : TABLES) {
            Path file = Path.of("/proc/net", table);
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 9 && inodes.contains(columns[9])) {
                    // A bound UDP socket receives whatever reaches its port: it counts as listening.
                    boolean listening = table.startsWith("udp") || TCP_LISTEN.equals(columns[3]);
                    sockets.add(new Socket(table, columns[1], columns[3], listening));
                }
            }
        }
        return sockets;
    }

    private static void inodesOf(long pid, Set<String> inodes) throws IOException {
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        try (var links = Files.list(fds)) {
            for (Path link : (Iterable<Path>) links::iterator) {
                try {
                    Matcher matcher = SOCKET_LINK.matcher(Files.readSymbolicLink(link).toString());
                    if (matcher.matches()) {
                        inodes.add(matcher.group(1));
                    }
                } catch (IOException e) {
                    // the descriptor was closed while we listed: nothing to record
                }
            }
        }
    }
}
