package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.register.EnrolledFinger;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code register inspect} shows the verify threshold each voter gets from its number of templates. */
class RegisterInspectThresholdTest {

    private final CapturedCommandLine cli = new CapturedCommandLine(RegisterFixtures.CLOCK);
    final ByteArrayOutputStream out = cli.out;
    final ByteArrayOutputStream err = cli.err;

    int run(String... args) {
        return cli.run(args);
    }

    @Test
    void showsTheThresholdPerTemplateCount(@TempDir Path dir) throws Exception {
        var certificate = RegisterFixtures.initKiosk(dir.resolve("kiosk"), RegisterFixtures.PRECINCT);
        RegisterContents plain = RegisterFixtures.contents(3, 1, 3);
        List<RegisterRecord> records = new ArrayList<>(plain.records());
        List<EnrolledFinger> fingers = new ArrayList<>(records.get(2).fingers());
        for (FingerPosition position : FingerPosition.INDEX_FINGERS) {
            fingers.add(new EnrolledFinger(position, 2, new FingerTemplate(new byte[] {1, 2}, RegisterFixtures.EXTRACTOR),
                    ""));
        }
        records.set(2, new RegisterRecord(records.get(2).voter(), records.get(2).sex(), fingers));
        RegisterContents contents = new RegisterContents(plain.election(), plain.precinct(), plain.version(),
                plain.created(), plain.extractorVersion(), records, plain.acceptedDuplicates());
        Path file = dir.resolve("v1.srp");
        Files.write(file, RegisterPackages.write(contents, RegisterFixtures.authority(), certificate));
        Path authority = RegisterFixtures.writeCertificate(dir.resolve("authority.crt.pem"),
                RegisterFixtures.authority().certificate());

        assertEquals(0, run("register", "inspect", file.toString(), "--authority-cert", authority.toString()));
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("\"templatesPerVoter\" : {\n    \"2\" : 2,\n    \"4\" : 1\n  }"), shown);
        assertTrue(shown.contains("verify threshold 48 for 2 voter(s) with 2 template(s): 2 x 3 capture(s) = 6 "
                + "comparisons"), shown);
        assertTrue(shown.contains("verify threshold 51 for 1 voter(s) with 4 template(s): 4 x 3 capture(s) = 12 "
                + "comparisons"), shown);
        out.reset();
        assertEquals(0, run("register", "inspect", file.toString(), "--authority-cert", authority.toString(),
                "--captures", "5"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("verify threshold 54 for 1 voter(s) with 4 template(s)"),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("register", "inspect", file.toString(), "--authority-cert", authority.toString(),
                "--captures", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("error [cli.error.captures]"),
                err.toString(StandardCharsets.UTF_8));
    }
}
