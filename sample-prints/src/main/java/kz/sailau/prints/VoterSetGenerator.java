package kz.sailau.prints;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a made-up precinct register with fingerprints: {@code voters.csv}, {@code documents.csv},
 * {@code prints/<voter_key>/...}, and {@code voters-bad.csv} with {@code voters-bad.expected.tsv}. The file
 * formats are described in {@code docs/sample-prints.md}; the same seed, count, precinct, difficulty and grey
 * levels always give the same bytes.
 *
 * <p>Voter number {@code i} (from 0) has key {@code V%04d} of {@code i+1}; its right index finger is master
 * finger {@code 2i} and its left index finger master {@code 2i+1} of a {@link FingerprintGenerator} seeded with
 * {@link #fingerSeed()}; its enrolment image is impression 0 at {@link ImpressionSize#FULL} and its live images
 * impressions 1..3 at {@link ImpressionSize#SENSOR}.
 */
public final class VoterSetGenerator {

    /** Election day the ages in the set are made for: some voters are under 18 on it. */
    public static final LocalDate ELECTION_DAY = LocalDate.of(2026, 12, 6);
    /** The enrolled fingers, in file-name form. */
    public static final List<String> FINGERS = List.of("right_index", "left_index");
    /** Live impressions per finger. */
    public static final int LIVE_IMPRESSIONS = 3;
    /** Header of {@code voters.csv} and {@code voters-bad.csv}. */
    public static final String VOTERS_HEADER = "voter_key,iin,surname,given_name,patronymic,birth_date,sex,precinct";
    /** Header of {@code documents.csv}. */
    public static final String DOCUMENTS_HEADER = "voter_key,document_number,expiry_date";
    /** Header of {@code voters-bad.expected.tsv}. */
    public static final String EXPECTED_HEADER = "line\tfield\treason";
    /** Number of rows of {@code voters-bad.csv}. */
    public static final int BAD_ROWS = 8;
    /** Impression index of the enrolment image of the duplicate-by-fingerprint row. */
    private static final int DUPLICATE_IMPRESSIONS = 10;
    /** Further enrolment impressions {@code k = 2..4} are impression {@code first + EXTRA_ENROLMENT + k}. */
    private static final int EXTRA_ENROLMENT = 20;
    /** The most enrolment impressions per finger (the register's limit). */
    public static final int MAX_ENROL_IMPRESSIONS = 4;

    private final long seed;
    private final int precinct;
    private final Difficulty difficulty;
    private final int greyLevels;
    private final boolean sensorNoise;
    private final int enrolImpressions;

    /**
     * @param seed the seed of everything in the set
     * @param precinct the precinct number of every (good) voter
     * @param difficulty how hard the prints are to match
     */
    public VoterSetGenerator(long seed, int precinct, Difficulty difficulty) {
        this(seed, precinct, difficulty, 256, true, 1);
    }

    private VoterSetGenerator(long seed, int precinct, Difficulty difficulty, int greyLevels, boolean sensorNoise,
                              int enrolImpressions) {
        if (precinct <= 0) {
            throw new IllegalArgumentException("precinct must be positive");
        }
        if (greyLevels < 2 || greyLevels > 256) {
            throw new IllegalArgumentException("grey levels must be in 2..256");
        }
        this.seed = seed;
        this.precinct = precinct;
        this.difficulty = Objects.requireNonNull(difficulty, "difficulty");
        if (enrolImpressions < 1 || enrolImpressions > MAX_ENROL_IMPRESSIONS) {
            throw new IllegalArgumentException("enrolment impressions must be 1.." + MAX_ENROL_IMPRESSIONS);
        }
        this.greyLevels = greyLevels;
        this.sensorNoise = sensorNoise;
        this.enrolImpressions = enrolImpressions;
    }

    /**
     * The same generator, but images are posterised to {@code levels} evenly spaced grey values (still 8-bit
     * PNG), which makes the files much smaller; the committed demo set uses this.
     */
    public VoterSetGenerator withGreyLevels(int levels) {
        return new VoterSetGenerator(seed, precinct, difficulty, levels, sensorNoise, enrolImpressions);
    }

    /** The same generator, but without per-pixel sensor noise (see {@link FingerprintGenerator#withoutSensorNoise()}). */
    public VoterSetGenerator withoutSensorNoise() {
        return new VoterSetGenerator(seed, precinct, difficulty, greyLevels, false, enrolImpressions);
    }

    /**
     * The same generator, but every finger gets {@code count} enrolment impressions: {@code <finger>_enrol.png} and
     * {@code <finger>_enrol_2.png} … (full-size, other touches of the same master finger), as
     * {@code register build} reads them.
     *
     * @param count 1 to {@value #MAX_ENROL_IMPRESSIONS}
     */
    public VoterSetGenerator withEnrolImpressions(int count) {
        return new VoterSetGenerator(seed, precinct, difficulty, greyLevels, sensorNoise, count);
    }

    /** The seed of the {@link FingerprintGenerator} whose master fingers the voters have. */
    public long fingerSeed() {
        return SeededRandom.derive(seed, 20);
    }

    /** The fingerprint generator of this set. */
    public FingerprintGenerator fingerprints() {
        FingerprintGenerator generator = new FingerprintGenerator(fingerSeed(), difficulty);
        return sensorNoise ? generator : generator.withoutSensorNoise();
    }

    /** The good voters {@code V0001..}, as written to {@code voters.csv}. */
    public List<SyntheticVoter> voters(int count) {
        if (count < 1 || count > 9999 - BAD_ROWS) {
            throw new IllegalArgumentException("count must be in 1.." + (9999 - BAD_ROWS));
        }
        Set<String> iins = new HashSet<>();
        List<SyntheticVoter> voters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            voters.add(voter(i, iins, birthDate(i, new SeededRandom(SeededRandom.derive(seed, 11, i)))));
        }
        return voters;
    }

    /**
     * Writes the whole set under {@code directory} (created if missing), generating prints on all
     * processors.
     *
     * @param count number of good voters
     * @return the paths written
     * @throws IOException if a file cannot be written
     */
    public VoterSetFiles write(Path directory, int count) throws IOException {
        Objects.requireNonNull(directory, "directory");
        VoterSetFiles files = VoterSetFiles.in(directory);
        List<SyntheticVoter> voters = voters(count);
        Set<String> iins = new HashSet<>();
        for (SyntheticVoter v : voters) {
            iins.add(v.iin());
        }
        List<SyntheticVoter> bad = badVoters(count, iins);

        Files.createDirectories(directory);
        StringBuilder csv = new StringBuilder(VOTERS_HEADER).append("\r\n");
        for (SyntheticVoter v : voters) {
            csv.append(row(v));
        }
        Files.writeString(files.voters(), csv, StandardCharsets.UTF_8);
        Files.writeString(files.documents(), documents(voters), StandardCharsets.UTF_8);
        StringBuilder badCsv = new StringBuilder(VOTERS_HEADER).append("\r\n");
        for (SyntheticVoter v : bad) {
            badCsv.append(row(v));
        }
        Files.writeString(files.badVoters(), badCsv, StandardCharsets.UTF_8);
        Files.writeString(files.badVotersExpected(), String.join("\n", EXPECTED_HEADER,
                "4\tiin\tbad-control-digit",
                "5\tiin\tduplicate-iin",
                "6\tiin\tsame-name-and-birth-date",
                "7\tprints\tsame-fingerprints",
                "8\tsurname\tempty-name",
                "9\tprecinct\twrong-precinct") + "\n", StandardCharsets.UTF_8);

        FingerprintGenerator generator = fingerprints();
        int total = count + BAD_ROWS;
        List<Map<String, byte[]>> prints = Parallel.map(total, i -> {
            if (i == count + 5) {
                // The same person as the first bad-file row (line 2), enrolled again under another IIN.
                return printsOf(generator, count, DUPLICATE_IMPRESSIONS);
            }
            return printsOf(generator, i, 0);
        });
        for (int i = 0; i < total; i++) {
            String key = i < count ? voters.get(i).voterKey() : bad.get(i - count).voterKey();
            Path folder = files.prints().resolve(key);
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : prints.get(i).entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
        }
        return files;
    }

    private Map<String, byte[]> printsOf(FingerprintGenerator generator, int voterIndex, int firstImpression) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int f = 0; f < FINGERS.size(); f++) {
            MasterFinger master = generator.master(2 * voterIndex + f);
            String finger = FINGERS.get(f);
            files.put(finger + "_enrol.png",
                    encode(generator.impression(master, firstImpression, ImpressionSize.FULL)));
            for (int k = 2; k <= enrolImpressions; k++) {
                files.put(finger + "_enrol_" + k + ".png", encode(generator.impression(master,
                        firstImpression + EXTRA_ENROLMENT + k, ImpressionSize.FULL)));
            }
            for (int k = 1; k <= LIVE_IMPRESSIONS; k++) {
                files.put(finger + "_live_" + k + ".png",
                        encode(generator.impression(master, firstImpression + k, ImpressionSize.SENSOR)));
            }
        }
        return files;
    }

    private byte[] encode(BufferedImage image) {
        if (greyLevels < 256) {
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            double step = 255.0 / (greyLevels - 1);
            for (int i = 0; i < pixels.length; i++) {
                int level = (int) StrictMath.rint((pixels[i] & 0xff) / step);
                pixels[i] = (byte) (int) StrictMath.rint(level * step);
            }
        }
        return PngEncoder.encode(image);
    }

    private List<SyntheticVoter> badVoters(int count, Set<String> iins) {
        List<SyntheticVoter> rows = new ArrayList<>();
        SyntheticVoter first = voter(count, iins, birthDate(count, random(count)));
        SyntheticVoter second = voter(count + 1, iins, birthDate(count + 1, random(count + 1)));
        rows.add(first);
        rows.add(second);
        SyntheticVoter badControl = voter(count + 2, iins, birthDate(count + 2, random(count + 2)));
        String digits = badControl.iin();
        int wrong = (digits.charAt(11) - '0' + 1 + random(count + 2).nextInt(8)) % 10;
        rows.add(copy(badControl, badControl.voterKey(), digits.substring(0, 11) + wrong,
                badControl.surname(), badControl.precinct()));
        SyntheticVoter duplicate = voter(count + 3, iins, first.birthDate());
        rows.add(new SyntheticVoter(duplicate.voterKey(), first.iin(), duplicate.surname(), duplicate.givenName(),
                duplicate.patronymic(), first.birthDate(), first.sex(), precinct));
        SyntheticVoter twin = newIin(key(count + 4), second, iins, random(count + 4));
        rows.add(twin);
        rows.add(voter(count + 5, iins, birthDate(count + 5, random(count + 5))));
        SyntheticVoter nameless = voter(count + 6, iins, birthDate(count + 6, random(count + 6)));
        rows.add(copy(nameless, nameless.voterKey(), nameless.iin(), "", nameless.precinct()));
        SyntheticVoter elsewhere = voter(count + 7, iins, birthDate(count + 7, random(count + 7)));
        rows.add(copy(elsewhere, elsewhere.voterKey(), elsewhere.iin(), elsewhere.surname(), precinct + 1));
        return rows;
    }

    private SyntheticVoter newIin(String key, SyntheticVoter person, Set<String> iins, SeededRandom random) {
        boolean female = person.sex() == 'F';
        while (true) {
            String iin = SyntheticIin.of(person.birthDate(), female, random.nextInt(10000));
            if (iin != null && iins.add(iin)) {
                return new SyntheticVoter(key, iin, person.surname(), person.givenName(), person.patronymic(),
                        person.birthDate(), person.sex(), precinct);
            }
        }
    }

    private static SyntheticVoter copy(SyntheticVoter v, String key, String iin, String surname, int precinct) {
        return new SyntheticVoter(key, iin, surname, v.givenName(), v.patronymic(), v.birthDate(), v.sex(),
                precinct);
    }

    private SeededRandom random(int index) {
        return new SeededRandom(SeededRandom.derive(seed, 12, index));
    }

    private static String key(int index) {
        return String.format("V%04d", index + 1);
    }

    /**
     * Mostly adults; every 17th voter (from the 6th) is under 18 on election day, the first of them turning 18
     * the day after it; every 17th from the 12th turns 18 on election day itself (and may vote).
     */
    private static LocalDate birthDate(int index, SeededRandom random) {
        LocalDate eighteen = ELECTION_DAY.minusYears(18);
        if (index % 17 == 5) {
            if (index == 5) {
                return eighteen.plusDays(1);
            }
            return eighteen.plusDays(2 + random.nextInt(4 * 365));
        }
        if (index % 17 == 11) {
            return eighteen;
        }
        return eighteen.minusDays(1 + random.nextInt(72 * 365));
    }

    private SyntheticVoter voter(int index, Set<String> iins, LocalDate birthDate) {
        SeededRandom random = new SeededRandom(SeededRandom.derive(seed, 10, index));
        boolean female = random.chance(0.5);
        boolean kazakh = random.chance(0.7);
        String surname;
        String given;
        String patronymic;
        if (kazakh) {
            surname = NameLists.pick(NameLists.KAZAKH_SURNAMES, random);
            given = NameLists.pick(female ? NameLists.KAZAKH_FEMALE : NameLists.KAZAKH_MALE, random);
            patronymic = NameLists.pick(NameLists.KAZAKH_MALE, random) + (female ? "қызы" : "ұлы");
        } else {
            surname = NameLists.pick(NameLists.RUSSIAN_SURNAMES, random);
            given = NameLists.pick(female ? NameLists.RUSSIAN_FEMALE : NameLists.RUSSIAN_MALE, random);
            String[] forms = NameLists.RUSSIAN_PATRONYMICS.get(random.nextInt(NameLists.RUSSIAN_PATRONYMICS.size()));
            patronymic = female ? forms[1] : forms[0];
        }
        if (female) {
            surname = surname + "а";
        }
        if (random.chance(0.08)) {
            patronymic = "";
        }
        String iin;
        do {
            iin = SyntheticIin.of(birthDate, female, random.nextInt(10000));
        } while (iin == null || !iins.add(iin));
        return new SyntheticVoter(key(index), iin, surname, given, patronymic, birthDate, female ? 'F' : 'M',
                precinct);
    }

    private String documents(List<SyntheticVoter> voters) {
        StringBuilder out = new StringBuilder(DOCUMENTS_HEADER).append("\r\n");
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < voters.size(); i++) {
            SeededRandom random = new SeededRandom(SeededRandom.derive(seed, 13, i));
            String number;
            do {
                number = String.format("0%08d", random.nextInt(100_000_000));
            } while (!numbers.add(number));
            LocalDate expiry;
            if (i == 2) {
                expiry = ELECTION_DAY.minusDays(1);
            } else if (i == 9) {
                expiry = ELECTION_DAY.minusDays(400 + random.nextInt(1000));
            } else {
                expiry = LocalDate.of(2027, 1, 1).plusDays(random.nextInt(10 * 365));
            }
            out.append(Csv.row(voters.get(i).voterKey(), number, expiry.toString()));
        }
        return out.toString();
    }

    private static String row(SyntheticVoter v) {
        return Csv.row(v.voterKey(), v.iin(), v.surname(), v.givenName(), v.patronymic(), v.birthDate().toString(),
                String.valueOf(v.sex()), String.valueOf(v.precinct()));
    }
}
