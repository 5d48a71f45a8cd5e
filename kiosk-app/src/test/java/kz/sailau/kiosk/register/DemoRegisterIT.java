package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.prints.DemoSet;
import kz.sailau.prints.VoterSetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the committed demo set of sample-prints: demo voters CSV + enrolment prints → package →
 * load → lookup by IIN returns the voter with two templates; and every bad row of {@code voters-bad.csv}
 * is reported on the line and field that {@code voters-bad.expected.tsv} names, including the person enrolled
 * twice under two IINs, found by fingerprint.
 */
class DemoRegisterIT {

    static final SourceAfisMatcher MATCHER = new SourceAfisMatcher();
    static final PrecinctId PRECINCT = new PrecinctId(DemoSet.PRECINCT);

    @TempDir
    Path dir;

    private RegisterBuilder.Report build(Path voters, Path prints) {
        return new RegisterBuilder(MATCHER, RegisterFixtures.CLOCK).build(new RegisterBuilder.Request(voters, prints,
                RegisterFixtures.ELECTION, PRECINCT, 1, List.of(), DuplicateDetector.DEFAULT_THRESHOLD),
                (stage, done, total) -> { });
    }

    @Test
    void demoVotersBuildLoadAndAnswerLookupsWithTwoTemplates() throws Exception {
        VoterSetFiles demo = DemoSet.copyTo(dir.resolve("demo"));
        RegisterBuilder.Report report = build(demo.voters(), demo.prints());
        assertEquals(List.of(), report.problems().stream().filter(p -> p.severity() == RowProblem.Severity.ERROR)
                .map(RowProblem::toTsv).toList());
        assertEquals(List.of(), report.duplicates().stream().map(DuplicateCase::evidence).toList());
        RegisterContents contents = report.contents().orElseThrow();
        assertEquals(DemoSet.COUNT, contents.records().size());

        X509Certificate kioskCertificate = RegisterFixtures.initKiosk(dir.resolve("kiosk"), PRECINCT);
        Path packageFile = dir.resolve("demo.srp");
        Files.write(packageFile, RegisterPackages.write(contents, RegisterFixtures.authority(), kioskCertificate));

        KioskDataDirectory kiosk = KioskDataDirectory.at(dir.resolve("kiosk"));
        KioskCredentials credentials = kiosk.unlock(RegisterFixtures.PASSPHRASE);
        try (KioskDatabase database = KioskDatabase.open(kiosk.databaseFile(), RegisterStore.MIGRATIONS,
                StoreOptions.DEFAULT, RegisterFixtures.CLOCK)) {
            RegisterStore store = new RegisterStore(database, credentials.storeKeys(), RegisterFixtures.RANDOM);
            new RegisterLoader(store, kiosk.profile(), kiosk.pinnedAuthority(), credentials, MATCHER.extractorVersion(),
                    RegisterFixtures.CLOCK, RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES).load(packageFile, LoadProgress.NONE);
            List<String> lines = Files.readAllLines(demo.voters());
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                RegisteredVoter voter = store.findByIin(new Iin(fields[1])).orElseThrow();
                assertEquals(fields[2], voter.voter().surname());
                assertEquals(Set.of(FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX), voter.templates().keySet());
                assertEquals(MATCHER.extractorVersion(), voter.templates().get(FingerPosition.LEFT_INDEX)
                        .get(0).extractorVersion());
            }
            assertEquals(DemoSet.COUNT, store.allTemplates().size());
        }
    }

    @Test
    void everyBadRowIsReportedAndTheBiometricDuplicateIsFound() throws Exception {
        VoterSetFiles demo = DemoSet.copyTo(dir.resolve("demo"));
        RegisterBuilder.Report report = build(demo.badVoters(), demo.prints());
        assertTrue(report.contents().isEmpty(), "nothing may be built from the bad file");
        List<String> expected = Files.readAllLines(demo.badVotersExpected());
        Set<Integer> expectedLines = expected.stream().skip(1).map(l -> Integer.parseInt(l.split("\t")[0]))
                .collect(Collectors.toSet());
        for (String row : expected.subList(1, expected.size())) {
            String[] parts = row.split("\t");
            int line = Integer.parseInt(parts[0]);
            String field = parts[1];
            switch (parts[2]) {
                case "duplicate-iin" -> assertDuplicate(report, DuplicateCase.Kind.SAME_IIN, line);
                case "same-name-and-birth-date" -> assertDuplicate(report, DuplicateCase.Kind.SAME_NAME_AND_BIRTH_DATE,
                        line);
                case "same-fingerprints" -> assertDuplicate(report, DuplicateCase.Kind.SAME_FINGER, line);
                default -> assertTrue(report.problems().stream().anyMatch(p -> p.line() == line
                        && p.field().equals(field) && p.severity() == RowProblem.Severity.ERROR),
                        "no error reported for " + row + "; got " + report.problems());
            }
        }
        for (RowProblem problem : report.problems()) {
            if (problem.severity() == RowProblem.Severity.ERROR) {
                assertTrue(expectedLines.contains(problem.line()), "unexpected error " + problem);
            }
        }
        for (DuplicateCase duplicate : report.duplicates()) {
            assertTrue(duplicate.lines().stream().anyMatch(expectedLines::contains), "unexpected duplicate "
                    + duplicate.evidence());
        }
    }

    private static void assertDuplicate(RegisterBuilder.Report report, DuplicateCase.Kind kind, int line) {
        assertTrue(report.unaccepted().stream().anyMatch(d -> d.kind() == kind && d.lines().contains(line)),
                "no " + kind + " duplicate involving line " + line + "; found " + report.unaccepted().stream()
                        .map(d -> d.kind() + " " + d.lines() + " " + d.evidence()).toList());
    }
}
