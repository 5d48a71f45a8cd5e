package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import kz.sailau.kiosk.register.KioskDataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: an insider puts a named pipe, a link to {@code /dev/zero} or to a folder, or a huge sparse file in the
 * place of a key or certificate file of a machine's own directory (session H67). The command line checked such
 * files when they were given as arguments, but read the machine's own ones whole: {@code node run} with a named pipe
 * as {@code node.crt.pem}, {@code authority.crt.pem} or {@code node-key.sealed} waited for ever (the kiosk's start
 * alike), a link to {@code /dev/zero} or a 1.5 GB file ran the JVM out of memory, and a folder was
 * {@code cli.error.io: file error: IO failure} without a name. Now every such file is a regular file of at most
 * 1 MiB, checked before a byte is read, and a refusal is one line naming it (decision 0491).
 */
class MachineDirectoryFilesIT {

    @TempDir
    Path root;

    @Test
    void aPipeALinkOrAHugeFileAsTheKiosksPinnedAuthorityIsRefusedInOneLineNamingIt() throws Exception {
        ThreatWorld world = ThreatWorld.create(root);
        Path srp = world.registerPackage("v1.srp", 3, 1);
        Path file = world.kiosk.resolve(KioskDataDirectory.AUTHORITY_FILE);
        Path kept = root.resolve("pinned-authority.kept");
        Files.move(file, kept);
        Path bundle = root.resolve("day.json");
        for (String kind : List.of("a named pipe", "a link to /dev/zero", "a link to a folder", "1.5 GB")) {
            place(file, kind);
            List<ThreatWorld.Run> runs = List.of(
                    ThreatWorld.run("register", "load", "--data", world.kiosk.toString(), "--package", srp.toString(),
                            "--passphrase-file", world.passphrase.toString()),
                    ThreatWorld.run("day", "close", "--data", world.kiosk.toString(), "--out", bundle.toString(),
                            "--passphrase-file", world.passphrase.toString()));
            for (ThreatWorld.Run run : runs) {
                String what = "the pinned authority as " + kind + ": " + run.err();
                assertEquals(1, run.exit(), what);
                assertEquals(1, run.errLines().size(), what);
                String key = kind.equals("1.5 GB") ? "crypto.error.fileTooLarge" : "crypto.error.notRegularFile";
                assertTrue(run.err().startsWith("error [" + key + "]: " + file), what);
            }
            assertTrue(Files.notExists(bundle), "no bundle written");
            Files.delete(file);
        }
        Files.move(kept, file);
        ThreatWorld.succeed("register", "load", "--data", world.kiosk.toString(), "--package", srp.toString(),
                "--passphrase-file", world.passphrase.toString());
    }

    @Test
    void aPipeALinkOrAHugeFileInANodesDirectoryIsRefusedInOneLineNamingIt() throws Exception {
        ThreatWorld world = ThreatWorld.create(root);
        Path node = root.resolve("node");
        Path passphrase = Files.writeString(root.resolve("node-passphrase.txt"), "node passphrase 4711\n",
                StandardCharsets.UTF_8);
        ThreatWorld.succeed("node", "init", "--dir", node.toString(), "--name", "kiosk-1", "--role", "kiosk",
                "--precinct", "101", "--passphrase-file", passphrase.toString(), "--argon2-memory-kib", "8192",
                "--argon2-iterations", "1");
        Path certificate = root.resolve("kiosk-1.crt.pem");
        ThreatWorld.succeed("authority", "certify-node", "--authority", world.authority.toString(), "--out",
                certificate.toString(), "--precinct", "101", "--request", node.resolve("node.csr.pem").toString(),
                "--passphrase-file", world.passphrase.toString());
        ThreatWorld.succeed("node", "install", "--dir", node.toString(), "--certificate", certificate.toString(),
                "--authority-cert", world.authorityCertificateFile.toString(), "--passphrase-file",
                passphrase.toString());
        // Never listened on: every attempt is refused before the node binds its port.
        Files.writeString(node.resolve("precinct.json"), "{\"name\": \"kiosk-1\", \"listen\": \"127.0.0.1:17899\", "
                + "\"peers\": {\"kiosk-1\": \"127.0.0.1:17899\"}, \"members\": [\"kiosk-1\"]}", StandardCharsets.UTF_8);
        for (String name : List.of("node.crt.pem", "authority.crt.pem", "node-key.sealed")) {
            Path file = node.resolve(name);
            Path kept = root.resolve(name + ".kept");
            Files.copy(file, kept, StandardCopyOption.COPY_ATTRIBUTES);
            Files.delete(file);
            for (String kind : List.of("a named pipe", "a link to /dev/zero", "a link to a folder", "1.5 GB")) {
                place(file, kind);
                ThreatWorld.Run run = ThreatWorld.run("node", "run", "--dir", node.toString(), "--passphrase-file",
                        passphrase.toString());
                String what = name + " as " + kind + ": " + run.err();
                assertEquals(1, run.exit(), what);
                String key = kind.equals("1.5 GB") ? "crypto.error.fileTooLarge" : "crypto.error.notRegularFile";
                assertTrue(run.err().contains("error [" + key + "]: " + file), what);
                assertEquals(1, run.errLines().stream().filter(line -> line.startsWith("error [")).count(), what);
                Files.delete(file);
            }
            Files.move(kept, file);
        }
    }

    /** Puts {@code kind} where {@code file} was. */
    private void place(Path file, String kind) throws Exception {
        switch (kind) {
            case "a named pipe" -> {
                Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
                assertEquals(0, mkfifo.waitFor(), "this test needs mkfifo (coreutils) to make a named pipe: "
                        + new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            case "a link to /dev/zero" -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
            case "a link to a folder" -> Files.createSymbolicLink(file, root);
            default -> {
                try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                    sparse.setLength(1536L << 20);
                }
            }
        }
    }
}
