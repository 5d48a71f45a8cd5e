package kz.sailau.bench.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.register.EnrolledFinger;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterRecord;

/**
 * A synthetic register for benchmarks: valid IINs, Kazakh names, and random template bytes of the size of
 * real SourceAFIS templates of 500 dpi prints (the store treats templates as opaque bytes).
 */
public final class SyntheticRegister {

    /** The benchmarks' election. */
    public static final ElectionId ELECTION = new ElectionId("KZ-2026-BENCH");
    /** The benchmarks' precinct. */
    public static final PrecinctId PRECINCT = new PrecinctId(101);
    /** Typical serialized SourceAFIS 3.18 template size for an enrolment print (bytes). */
    static final int TEMPLATE_BYTES = 2_000;

    private SyntheticRegister() {
    }

    static RegisterContents contents(int voters, long version, String extractorVersion) {
        Random random = new Random(42);
        return contents(voters, version, extractorVersion, (voter, position) -> {
            byte[] template = new byte[TEMPLATE_BYTES];
            random.nextBytes(template);
            return template;
        });
    }

    /**
     * A register of {@code voters} synthetic voters whose enrolled templates come from {@code templates}
     * (voter index, finger), e.g. real SourceAFIS templates of the demo set repeated.
     */
    public static RegisterContents contents(int voters, long version, String extractorVersion,
                                            java.util.function.BiFunction<Integer, FingerPosition, byte[]> templates) {
        Random random = new Random(43);
        List<RegisterRecord> records = new ArrayList<>(voters);
        for (int i = 0; i < voters; i++) {
            LocalDate birth = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
            boolean male = random.nextBoolean();
            Voter voter = new Voter(iin(birth, male, i), "Сұлтанбеков" + i, "Әлихан", "Нұрланұлы", birth, PRECINCT);
            List<EnrolledFinger> fingers = new ArrayList<>();
            for (FingerPosition position : FingerPosition.INDEX_FINGERS) {
                byte[] template = templates.apply(i, position);
                fingers.add(new EnrolledFinger(position, new FingerTemplate(template, extractorVersion), ""));
            }
            records.add(new RegisterRecord(voter, male ? Sex.MALE : Sex.FEMALE, fingers));
        }
        return new RegisterContents(ELECTION, PRECINCT, version, Instant.parse("2026-11-20T08:00:00Z"),
                extractorVersion, records, List.of());
    }

    static Iin iin(LocalDate birth, boolean male, int serial) {
        int century = birth.getYear() >= 2000 ? (male ? 5 : 6) : (male ? 3 : 4);
        for (int s = serial; ; s++) {
            String first = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), century, s % 10000);
            int control = Iin.controlDigit(first);
            if (control >= 0) {
                return new Iin(first + control);
            }
        }
    }
}
