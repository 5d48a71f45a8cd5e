package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command tree and its error reporting, in process. */
class KioskCommandLineTest {

    private final CapturedCommandLine cli = new CapturedCommandLine(CapturedCommandLine.NOVEMBER_20);
    final ByteArrayOutputStream out = cli.out;
    final ByteArrayOutputStream err = cli.err;

    int run(String... args) {
        return cli.run(args);
    }

    @Test
    void everyCommandIsReachable() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String command : new String[] {"authority", "kiosk", "register", "token"}) {
            assertTrue(help.contains(command), help);
        }
        for (String[] sub : new String[][] {{"authority", "init"}, {"authority", "certify-kiosk"}, {"kiosk", "init"},
                {"register", "build"}, {"register", "inspect"}, {"register", "load"}, {"register", "status"}}) {
            assertEquals(0, run(sub[0], sub[1], "--help"), String.join(" ", sub));
        }
    }

    @Test
    void wrongUsageIsExitCodeTwoAndRefusalsNameTheirKey(@TempDir Path dir) throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("register", "load", "--data", dir.toString()));
        Files.writeString(dir.resolve("pass.txt"), "DEMO passphrase\n");
        assertEquals(1, run("register", "load", "--data", dir.toString(), "--package", "x.srp", "--passphrase-file",
                dir.resolve("pass.txt").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("error [kiosk.error.notInitialised]"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("authority", "init", "--out", dir.resolve("a").toString(), "--passphrase-file",
                dir.resolve("missing.txt").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("error [cli.error.passphrase]"));
    }

    /**
     * The folder above the data directory given as {@code --data} (session H55): said as a folder without kiosk
     * data, naming its {@code data} subfolder, not as a kiosk to initialise.
     */
    @Test
    void theFolderAboveTheDataDirectoryIsSaidAndTheSubfolderNamed(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("kiosk.csr.pem"), "not read\n");
        assertEquals(1, run("audit", "verify", "--data", dir.toString()));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("[kiosk.error.notInitialised]") && said.contains(dir + " holds no kiosk data")
                && said.contains("give --data " + data) && !said.contains("kiosk init"), said);
        err.reset();
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(1, run("audit", "verify", "--data", empty.toString()));
        said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains(empty + " holds no kiosk data (no kiosk.csr.pem)") && !said.contains("give --data "
                + empty.resolve("data")), said);
        assertEquals(1, said.strip().lines().count(), said);
    }
}
