package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterBuilderTest {

    static final SourceAfisMatcher MATCHER = new SourceAfisMatcher();
    static final PrecinctId PRECINCT = RegisterFixtures.PRECINCT;

    @TempDir
    Path temp;

    static String iin(int serial, LocalDate birth, boolean male) {
        return RegisterFixtures.iin(birth, male, serial).digits();
    }

    private RegisterBuilder.Report build(String csv, List<AcceptedDuplicate> accepted) throws Exception {
        Path voters = temp.resolve("voters.csv");
        Files.writeString(voters, csv);
        return new RegisterBuilder(MATCHER, RegisterFixtures.CLOCK).build(new RegisterBuilder.Request(voters,
                temp.resolve("prints"), RegisterFixtures.ELECTION, PRECINCT, 1, accepted,
                DuplicateDetector.DEFAULT_THRESHOLD), (stage, done, total) -> {
                    assertTrue(done <= total);
                    if (stage.equals("duplicates")) {
                        synchronized (duplicatesProgress) {
                            duplicatesProgress.add(new long[] {done, total});
                        }
                    }
                });
    }

    /** The duplicate search's progress, as (done, total) in the order reported. */
    private final List<long[]> duplicatesProgress = new ArrayList<>();

    @Test
    void buildsRecordsWithTwoTemplatesEach() throws Exception {
        StringBuilder csv = new StringBuilder(VoterCsvReader.HEADER + "\n");
        for (int i = 0; i < 4; i++) {
            LocalDate birth = LocalDate.of(1970 + i, 3, 4);
            csv.append("V").append(i).append(',').append(iin(i, birth, i % 2 == 0)).append(",Сәрсенбаев").append(i)
                    .append(",Ерлан,").append(i == 1 ? "" : "Болатұлы").append(',').append(birth).append(',')
                    .append(i % 2 == 0 ? "M" : "F").append(",101\n");
            SyntheticPrints.writeEnrolment(temp.resolve("prints"), "V" + i, i);
        }
        RegisterBuilder.Report report = build(csv.toString(), List.of());
        assertEquals(List.of(), report.problems());
        assertEquals(List.of(), report.duplicates());
        RegisterContents contents = report.contents().orElseThrow();
        assertEquals(4, contents.records().size());
        assertEquals(MATCHER.extractorVersion(), contents.extractorVersion());
        for (RegisterRecord record : contents.records()) {
            assertEquals(2, record.fingers().size());
            for (EnrolledFinger finger : record.fingers()) {
                assertEquals(MATCHER.extractorVersion(), finger.template().extractorVersion());
                assertEquals(64, finger.imageSha256().length());
            }
        }
        assertEquals("", contents.records().get(1).voter().patronymic());
        // The search shows its progress in record pairs, 4 × 3 / 2 = 6 in all, never stepping back.
        assertEquals(0, duplicatesProgress.get(0)[0]);
        assertEquals(6, duplicatesProgress.get(duplicatesProgress.size() - 1)[0]);
        assertTrue(duplicatesProgress.size() > 2, "progress as the search goes, not only at its ends");
        for (int i = 1; i < duplicatesProgress.size(); i++) {
            assertEquals(6, duplicatesProgress.get(i)[1]);
            assertTrue(duplicatesProgress.get(i)[0] >= duplicatesProgress.get(i - 1)[0], "never steps back");
        }
    }

    @Test
    void reportsEveryBadRowWithLineAndFieldAndBuildsNothing() throws Exception {
        LocalDate birth = LocalDate.of(1985, 6, 7);
        String good = iin(10, birth, true);
        String badControl = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        String csv = VoterCsvReader.HEADER + "\n"
                + "G1," + good + ",Әлиев,Арман,,1985-06-07,M,101\n"                 // 2 good
                + "B1," + badControl + ",Әлиев,Арман,,1985-06-07,M,101\n"           // 3 iin control
                + "B2,12345,Әлиев,Арман,,1985-06-07,M,101\n"                        // 4 iin length
                + "B3," + iin(11, birth, true) + ",,Арман,,1985-06-07,M,101\n"      // 5 surname empty
                + "B4," + iin(12, birth, true) + ",Әлиев,Арман,,07.06.1985,M,101\n" // 6 birth date format
                + "B5," + iin(13, birth, true) + ",Әлиев,Арман,,1985-06-07,X,101\n" // 7 sex
                + "B6," + iin(14, birth, true) + ",Әлиев,Арман,,1985-06-07,M,102\n" // 8 precinct
                + "B7,too,few,fields\n"                                             // 9 field count
                + "\"B8\"," + iin(15, birth, true) + ",\"Қасым\nов\",Арман,,1985-06-07,M,101\n" // 10-11 multi-line
                + "B9," + iin(16, birth, true) + ",Әлиев,,,1985-06-07,M,101\n"      // 12 given name empty
                + "W1," + iin(17, birth, true) + ",Әлиев,Арман,,1985-06-08,M,101\n"; // 13 warning birth date
        for (String key : List.of("G1", "B8", "W1")) {
            SyntheticPrints.writeEnrolment(temp.resolve("prints"), key, key.hashCode());
        }
        RegisterBuilder.Report report = build(csv, List.of());
        assertFalse(report.contents().isPresent());
        List<String> errors = report.problems().stream().filter(p -> p.severity() == RowProblem.Severity.ERROR)
                .map(p -> p.line() + " " + p.field()).toList();
        assertEquals(List.of("3 iin", "4 iin", "5 surname", "6 birth_date", "7 sex", "8 precinct", "9 -",
                "10 surname", "12 given_name"), errors, "a line break inside a quoted name is reported at the record's first line");
        List<String> warnings = report.problems().stream().filter(p -> p.severity() == RowProblem.Severity.WARNING)
                .map(p -> p.line() + " " + p.field()).toList();
        assertEquals(List.of("13 birth_date"), warnings);
        for (RowProblem problem : report.problems()) {
            assertFalse(problem.reason().contains(good) || problem.reason().contains("Әлиев"), problem.toString());
        }
    }

    @Test
    void aBirthDateInTheFutureOrOfAnotherFormIsAnError() throws Exception {
        // LocalDate.parse takes "+99999-01-01"; such a voter was written into the package with only a warning.
        LocalDate birth = LocalDate.of(1985, 6, 7);
        String csv = VoterCsvReader.HEADER + "\n"
                + "F1," + iin(20, birth, true) + ",Әлиев,Арман,,+99999-01-01,M,101\n"  // 2 extended year
                + "F2," + iin(21, birth, true) + ",Әлиев,Арман,,2026-11-21,M,101\n"    // 3 the day after the build
                + "F3," + iin(22, birth, true) + ",Әлиев,Арман,,1985-6-07,M,101\n"     // 4 not two-digit month
                + "F4," + iin(23, birth, true) + ",Әлиев,Арман,,2026-11-20,M,101\n";   // 5 the build's day: valid
        RegisterBuilder.Report report = build(csv, List.of());
        assertFalse(report.contents().isPresent());
        List<String> errors = report.problems().stream().filter(p -> p.field().equals("birth_date")
                && p.severity() == RowProblem.Severity.ERROR).map(RowProblem::toTsv).toList();
        assertEquals(List.of("2\tbirth_date\tbirth date must be an ISO date YYYY-MM-DD",
                "3\tbirth_date\tbirth date is after the day the package is built",
                "4\tbirth_date\tbirth date must be an ISO date YYYY-MM-DD"), errors);
    }

    @Test
    void aVotersFileWithOnlyItsHeaderBuildsNoEmptyRegister() throws Exception {
        // Loaded, an empty package of a newer version would take every voter of the precinct off the kiosk.
        RegisterBuilder.Report report = build(VoterCsvReader.HEADER + "\n\n", List.of());
        assertFalse(report.contents().isPresent());
        assertEquals(List.of("2\t-\tno voter rows: a register package needs at least one voter"),
                report.problems().stream().map(RowProblem::toTsv).toList());
    }

    @Test
    void missingEnrolmentImageIsAnErrorOnThatLineAndFinger() throws Exception {
        LocalDate birth = LocalDate.of(1990, 1, 2);
        String csv = VoterCsvReader.HEADER + "\nK1," + iin(1, birth, false) + ",Омарова,Айгүл,,1990-01-02,F,101\n";
        SyntheticPrints.writePng(SyntheticPrints.print(5, 0),
                temp.resolve("prints/K1/" + FingerPosition.RIGHT_INDEX.fileName() + "_enrol.png"));
        RegisterBuilder.Report report = build(csv, List.of());
        assertFalse(report.contents().isPresent());
        assertEquals(List.of("2\tleft_index\tenrolment image is missing"),
                report.problems().stream().map(RowProblem::toTsv).toList());
    }

    @Test
    void findsEachKindOfDuplicateAndBlocksUntilAccepted() throws Exception {
        LocalDate birth = LocalDate.of(1975, 9, 10);
        String sameIin = iin(20, birth, true);
        List<String> rows = new ArrayList<>();
        rows.add("A," + sameIin + ",Жұмабаев,Нұрлан,Серікұлы,1975-09-10,M,101");        // 2
        rows.add("B," + sameIin + ",Жұмабаев,Нұрлан,Серікұлы,1975-09-10,M,101");        // 3 same IIN as A
        rows.add("C," + iin(21, birth, true) + ",Тоқтаров,Бауыржан,,1975-09-10,M,101");  // 4
        rows.add("D," + iin(22, birth, true) + ",тоқтаров,Бауыржан,,1975-09-10,M,101");  // 5 same name+date as C
        rows.add("E," + iin(23, birth, false) + ",Исаева,Дана,,1975-09-10,F,101");       // 6
        rows.add("F," + iin(24, birth, false) + ",Мұратова,Жанар,,1975-09-10,F,101");    // 7 finger of E
        Path prints = temp.resolve("prints");
        long seed = 100;
        for (String key : List.of("A", "B", "C", "D", "E", "F")) {
            SyntheticPrints.writeEnrolment(prints, key, seed++);
        }
        // F's right index is E's left index, captured again slightly shifted.
        SyntheticPrints.writePng(SyntheticPrints.print(2 * 104 + 1, 5),
                prints.resolve("F").resolve(FingerPosition.RIGHT_INDEX.fileName() + "_enrol.png"));
        String csv = VoterCsvReader.HEADER + "\n" + String.join("\n", rows) + "\n";

        RegisterBuilder.Report blocked = build(csv, List.of());
        assertFalse(blocked.contents().isPresent());
        assertEquals(List.of("iin:A+B", "name:C+D", "finger:E+F"),
                blocked.unaccepted().stream().map(DuplicateCase::id).toList());
        DuplicateCase finger = blocked.unaccepted().get(2);
        assertEquals(List.of(6, 7), finger.lines());
        assertTrue(finger.evidence().contains("left_index of line 6") || finger.evidence().contains("right_index of line 7"),
                finger.evidence());
        assertFalse(blocked.hasRowErrors());

        List<AcceptedDuplicate> accepted = List.of(new AcceptedDuplicate("iin:A+B", "same person listed twice, keep A"),
                new AcceptedDuplicate("name:C+D", "namesakes, checked documents"));
        RegisterBuilder.Report stillBlocked = build(csv, accepted);
        assertEquals(List.of("finger:E+F"), stillBlocked.unaccepted().stream().map(DuplicateCase::id).toList());

        List<AcceptedDuplicate> all = new ArrayList<>(accepted);
        all.add(new AcceptedDuplicate("finger:E+F", "twins? verified in person"));
        RegisterContents contents = build(csv, all).contents().orElseThrow();
        assertEquals(5, contents.records().size(), "the second row of the same IIN is dropped");
        assertEquals(3, contents.acceptedDuplicates().size());
        assertEquals(1, contents.records().stream().filter(r -> r.voter().iin().equals(new Iin(sameIin))).count());
    }

    @Test
    void acceptedDuplicatesFileNeedsReasons() throws Exception {
        Path file = temp.resolve("accept.txt");
        Files.writeString(file, "# examined on 2026-11-20\n\nfinger:E+F\ttwins, verified in person\nname:C+D namesakes\n");
        assertEquals(List.of(new AcceptedDuplicate("finger:E+F", "twins, verified in person"),
                new AcceptedDuplicate("name:C+D", "namesakes")), AcceptedDuplicatesFile.read(file));
        Files.writeString(file, "finger:E+F\n");
        assertEquals("register.error.acceptFile", org.junit.jupiter.api.Assertions.assertThrows(RegisterException.class,
                () -> AcceptedDuplicatesFile.read(file)).messageKey());
    }
}
