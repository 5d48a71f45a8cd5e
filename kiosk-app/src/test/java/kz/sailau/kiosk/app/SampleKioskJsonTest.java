package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sample configuration shipped in the Debian package (packaging/deploy/kiosk.json) is valid. */
class SampleKioskJsonTest {

    private static final Path SAMPLE = Path.of("..", "packaging", "deploy", "kiosk.json");

    @Test
    void sampleParsesAndNamesTheProductionValues() {
        assertTrue(Files.isRegularFile(SAMPLE), "the sample exists at " + SAMPLE.toAbsolutePath());
        KioskConfiguration sample = KioskConfiguration.read(SAMPLE);
        KioskConfiguration defaults = KioskConfiguration.defaults();
        assertEquals(Path.of("/var/lib/sailau/data"), sample.dataDirectory());
        assertTrue(sample.fullScreen(), "production is full screen");
        assertEquals("/dev/sailau-scanner", sample.scanner().port());
        assertEquals("/dev/sailau-mrz", sample.mrzReader().port());
        assertEquals("/dev/sailau-printer", sample.printer().port());
        // Everything else in the sample is the documented default, so the guide's table holds for both.
        assertEquals(new KioskConfiguration(defaults.dataDirectory(), sample.election(), sample.precinct(),
                sample.electionDay(), sample.scanner(), sample.mrzReader(), sample.printer(), sample.matchThreshold(),
                sample.maxFingerTries(), sample.overrideCapPercent(), sample.overrideWarnPercent(),
                sample.idleTimeoutSeconds(), false), defaults);
        assertEquals(java.util.List.of(), sample.problems());
    }
}
