package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.FuzzSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the kiosk configuration file {@code kiosk.json}, read at start by
 * {@link KioskConfiguration#read}.
 *
 * <p>Oracle: any file content gives either a configuration without problems or a
 * {@link ConfigurationException} listing at least one problem, never another exception (the kiosk must refuse
 * to start with a clear message, not a stack trace). Seeds:
 * {@code src/test/resources/kz/sailau/kiosk/app/KioskConfigurationFuzzTestInputs/<method>/}.
 */
class KioskConfigurationFuzzTest {

    private static final Path FILE = temporaryFile();

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsOrRefusesWithProblems(byte[] content) throws IOException {
        Files.write(FILE, content);
        KioskConfiguration configuration;
        try {
            configuration = KioskConfiguration.read(FILE);
        } catch (ConfigurationException refused) {
            assertFalse(refused.problems().isEmpty());
            return;
        }
        assertTrue(configuration.problems().isEmpty());
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("kiosk-fuzz", ".json");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void validSeedsAreAccepted() throws IOException {
        for (byte[] seed : FuzzSeeds.valid(getClass(), "readsOrRefusesWithProblems")) {
            Files.write(FILE, seed);
            assertTrue(KioskConfiguration.read(FILE).problems().isEmpty());
        }
    }
}
