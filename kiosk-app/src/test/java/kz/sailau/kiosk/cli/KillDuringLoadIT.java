package kz.sailau.kiosk.cli;

import static kz.sailau.kiosk.register.RegisterFixtures.PASSPHRASE;
import static kz.sailau.kiosk.register.RegisterFixtures.PRECINCT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterRecord;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of {@code register load} (a separate JVM running the real jar, killed with SIGKILL
 * while it reports writing progress): the store must still hold the previous register, complete and
 * consistent, and accept the new package afterwards.
 */
class KillDuringLoadIT {

    private static final Pattern WRITING = Pattern.compile("writing (\\d+)/(\\d+)");
    private static final String EXTRACTOR = new SourceAfisMatcher().extractorVersion();

    @TempDir
    Path dir;

    private static RegisterContents withExtractor(RegisterContents c) {
        List<RegisterRecord> records = c.records().stream().map(r -> new RegisterRecord(r.voter(), r.sex(),
                r.fingers().stream().map(f -> new kz.sailau.kiosk.register.EnrolledFinger(f.position(),
                        new kz.sailau.kiosk.biometric.FingerTemplate(f.template().bytes(), EXTRACTOR), ""))
                        .toList())).toList();
        return new RegisterContents(c.election(), c.precinct(), c.version(), c.created(), EXTRACTOR, records, List.of());
    }

    @Test
    void killedLoadLeavesThePreviousRegisterIntact() throws Exception {
        Path kioskDir = dir.resolve("kiosk");
        X509Certificate certificate = RegisterFixtures.initFreshKiosk(kioskDir, PRECINCT);
        Files.writeString(dir.resolve("pass.txt"), new String(PASSPHRASE) + "\n");
        KioskDataDirectory kiosk = KioskDataDirectory.at(kioskDir);
        RegisterContents v1 = withExtractor(RegisterFixtures.contents(300, 1, 3));
        KioskCredentials credentials = kiosk.unlock(PASSPHRASE);
        try (KioskDatabase database = KioskDatabase.open(kiosk.databaseFile(), Main.migrations())) {
            RegisterStore store = new RegisterStore(database, credentials.storeKeys(), new SecureRandom());
            Path v1File = dir.resolve("v1.srp");
            Files.write(v1File, RegisterPackages.write(v1, RegisterFixtures.authority(), certificate));
            new RegisterLoader(store, kiosk.profile(), kiosk.pinnedAuthority(), credentials, EXTRACTOR,
                    RegisterFixtures.CLOCK, RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES)
                    .guardedBy(new kz.sailau.kiosk.audit.RegisterLoadAudit(credentials, database.migrations(),
                            RegisterFixtures.CLOCK))
                    .load(v1File, LoadProgress.NONE);
        }
        RegisterContents v2 = withExtractor(RegisterFixtures.contents(8_000, 2, 5));
        Path v2File = dir.resolve("v2.srp");
        Files.write(v2File, RegisterPackages.write(v2, RegisterFixtures.authority(), certificate));

        Process process = new ProcessBuilder(JarRunner.command("register", "load", "--data", kioskDir.toString(),
                "--package", v2File.toString(), "--passphrase-file", dir.resolve("pass.txt").toString(),
                "--progress"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long killedAt = -1;
        long total = -1;
        StringBuilder seen = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder chunk = new StringBuilder();
            int c;
            while ((c = err.read()) >= 0) {
                if (c == '\r' || c == '\n') {
                    Matcher m = WRITING.matcher(chunk);
                    if (m.find() && Long.parseLong(m.group(1)) >= 1000) {
                        killedAt = Long.parseLong(m.group(1));
                        total = Long.parseLong(m.group(2));
                        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
                        break;
                    }
                    seen.append(chunk).append('\n');
                    chunk.setLength(0);
                } else {
                    chunk.append((char) c);
                }
            }
        }
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        assertTrue(killedAt > 0 && killedAt < total, "the load must be killed while writing; saw: " + seen);
        assertEquals(137, process.exitValue(), "killed by SIGKILL");

        try (KioskDatabase database = KioskDatabase.open(kiosk.databaseFile(), Main.migrations())) {
            database.read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
                return null;
            });
            RegisterStore store = new RegisterStore(database, credentials.storeKeys(), new SecureRandom());
            assertEquals(1, store.current().orElseThrow().version());
            assertEquals(300, store.voterCount());
            for (RegisterRecord record : v1.records()) {
                assertEquals(record.voter(), store.findByIin(record.voter().iin()).orElseThrow().voter());
            }
            assertTrue(store.findByIin(v2.records().get(0).voter().iin()).isEmpty());
            assertEquals(300, store.allTemplates().size());
            // The interrupted package loads cleanly afterwards.
            new RegisterLoader(store, kiosk.profile(), kiosk.pinnedAuthority(), credentials, EXTRACTOR,
                    RegisterFixtures.CLOCK, RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES).load(v2File, LoadProgress.NONE);
            assertEquals(8_000, store.voterCount());
        }
    }
}
