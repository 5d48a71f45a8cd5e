package kz.sailau.kiosk.register;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.PriorVote;

/**
 * Reads the authority's inputs for the redirection table and the prior votes (decision 0210) and builds them. Every
 * problem is a {@link RegisterException} naming the file and line, never the value (an IIN is personal data).
 *
 * <ul>
 *   <li>polling stations: UTF-8 CSV (RFC 4180, addresses may be quoted), header exactly {@value #STATIONS_HEADER};
 *       one row per precinct of the country, each precinct once, addresses by {@link PollingStation}'s rules;</li>
 *   <li>redirection: UTF-8 text, header exactly {@value #REDIRECT_HEADER}, then {@code IIN,PRECINCT} per line (digits
 *       only: at 12 million lines no quoting is read), every IIN once, every precinct one of the stations;</li>
 *   <li>prior votes: header exactly {@value #PRIOR_VOTES_HEADER}, then {@code IIN,EARLY} or {@code IIN,ABSENTEE} per
 *       line, every IIN once; IINs of other precincts are passed over (one national list serves every package).</li>
 * </ul>
 */
public final class RedirectionInput {

    /** Header of the polling stations file. */
    public static final String STATIONS_HEADER = "precinct,address_kk,address_ru,address_en";
    /** Header of the redirection file. */
    public static final String REDIRECT_HEADER = "iin,precinct";
    /** Header of the prior votes file. */
    public static final String PRIOR_VOTES_HEADER = "iin,prior_vote";
    private static final String KEY = "register.error.redirectInput";
    private static final int IIN_DIGITS = 12;

    private RedirectionInput() {
    }

    /**
     * Reads the polling stations, sorted by precinct number.
     *
     * @throws RegisterException {@code register.error.redirectInput} for a wrong header, row or repeated precinct
     */
    public static List<PollingStation> readStations(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName().toString();
        List<PollingStation> stations = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        int line = 0;
        try (Reader reader = strictUtf8(file);
             MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                     .with(CsvSchema.emptySchema()).readValues(reader)) {
            while (rows.hasNextValue()) {
                List<String> row = rows.nextValue();
                line++;
                if (line == 1) {
                    if (!String.join(",", row).replace("\uFEFF", "").equals(STATIONS_HEADER)) {
                        throw problem(name, line, "header must be exactly " + STATIONS_HEADER);
                    }
                    continue;
                }
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                if (row.size() != 4) {
                    throw problem(name, line, "needs 4 fields, has " + row.size());
                }
                PollingStation station;
                try {
                    station = new PollingStation(PrecinctId.parse(row.get(0)), row.get(1).strip(), row.get(2).strip(),
                            row.get(3).strip());
                } catch (IllegalArgumentException e) {
                    throw problem(name, line, e.getMessage());
                }
                if (!seen.add(station.precinct().number())) {
                    throw problem(name, line, "precinct " + station.precinct() + " is listed twice");
                }
                stations.add(station);
            }
        } catch (IOException | RuntimeException e) {
            throw rethrown(e, name, line);
        }
        if (stations.isEmpty() || stations.size() > RedirectTable.MAX_STATIONS) {
            throw problem(name, line, "needs 1.." + RedirectTable.MAX_STATIONS + " polling stations, has "
                    + stations.size());
        }
        stations.sort((a, b) -> Integer.compare(a.precinct().number(), b.precinct().number()));
        return List.copyOf(stations);
    }

    /**
     * Builds the redirection table of {@code iinFile} over {@code stations} under a fresh random key.
     *
     * @throws RegisterException {@code register.error.redirectInput} for a wrong header or line, an unknown
     *                           precinct or a repeated IIN
     */
    public static Redirection build(Path iinFile, List<PollingStation> stations, SecureRandom random) {
        Objects.requireNonNull(iinFile, "iinFile");
        Objects.requireNonNull(random, "random");
        String name = iinFile.getFileName().toString();
        Map<Integer, Integer> stationIndex = new HashMap<>();
        for (int i = 0; i < stations.size(); i++) {
            stationIndex.put(stations.get(i).precinct().number(), i);
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        BlindIndex.Batch mac = RedirectTable.hashFunction(key).batch();
        Entries entries = new Entries();
        int lines = forEachLine(iinFile, REDIRECT_HEADER, (text, line) -> {
            int comma = text.indexOf(',');
            if (comma != IIN_DIGITS || text.indexOf(',', comma + 1) >= 0) {
                throw problem(name, line, "must be a 12-digit IIN, a comma and a precinct number");
            }
            String digits = text.substring(0, comma);
            checkIin(digits, name, line);
            Integer index;
            try {
                index = stationIndex.get(PrecinctId.parse(text.substring(comma + 1)).number());
            } catch (IllegalArgumentException e) {
                throw problem(name, line, "precinct is not a precinct number");
            }
            if (index == null) {
                throw problem(name, line, "precinct is not in the polling stations file");
            }
            entries.add(RedirectTable.keyedHash(mac, digits), index);
        });
        if (entries.count == 0) {
            throw problem(name, lines, "holds no IIN");
        }
        byte[] table;
        try {
            table = RedirectTable.write(stations, Arrays.copyOf(entries.hashes, entries.count),
                    Arrays.copyOf(entries.stations, entries.count));
        } catch (IllegalArgumentException e) {
            throw new RegisterException(KEY, name + ": " + e.getMessage(), null);
        }
        return new Redirection(key, RedirectTable.parse(table));
    }

    /**
     * Reads the prior votes of the voters in {@code register}: which of them voted early or took an absentee
     * certificate. IINs of other registers are passed over.
     *
     * @param register the IINs of this package's voters
     * @throws RegisterException {@code register.error.redirectInput} for a wrong header or line or a repeated IIN
     */
    public static Map<Iin, PriorVote> readPriorVotes(Path file, Set<Iin> register) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(register, "register");
        String name = file.getFileName().toString();
        Map<Iin, PriorVote> votes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        forEachLine(file, PRIOR_VOTES_HEADER, (text, line) -> {
            int comma = text.indexOf(',');
            if (comma != IIN_DIGITS) {
                throw problem(name, line, "must be a 12-digit IIN, a comma and EARLY or ABSENTEE");
            }
            String digits = text.substring(0, comma);
            checkIin(digits, name, line);
            PriorVote vote;
            try {
                vote = PriorVote.fromCode(text.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw problem(name, line, e.getMessage());
            }
            if (!seen.add(digits)) {
                throw problem(name, line, "the IIN is listed twice");
            }
            Iin iin = new Iin(digits);
            if (register.contains(iin)) {
                votes.put(iin, vote);
            }
        });
        return Map.copyOf(votes);
    }

    /** Keyed hashes and station indexes as they are read, in growing primitive arrays (12 million of them). */
    private static final class Entries {
        long[] hashes = new long[1 << 16];
        short[] stations = new short[1 << 16];
        int count;

        void add(long hash, int station) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
                stations = Arrays.copyOf(stations, count * 2);
            }
            hashes[count] = hash;
            stations[count] = (short) station;
            count++;
        }
    }

    /** What is done with one data line of a file. */
    @FunctionalInterface
    private interface LineHandler {
        void accept(String text, int line);
    }

    /**
     * Reads a UTF-8 file line by line: the first line must be {@code header} (a byte order mark is tolerated), empty
     * lines are passed over, every other line goes to {@code handler} with its number.
     *
     * @return the number of lines read
     */
    private static int forEachLine(Path file, String header, LineHandler handler) {
        String name = file.getFileName().toString();
        int line = 0;
        try (BufferedReader reader = new BufferedReader(new LineLengthLimit(strictUtf8(file), name), 1 << 16)) {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (line == 1) {
                    if (!text.replace("\uFEFF", "").equals(header)) {
                        throw problem(name, line, "header must be exactly " + header);
                    }
                } else if (!text.isEmpty()) {
                    handler.accept(text, line);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw rethrown(e, name, line);
        }
        return line;
    }

    /**
     * Refuses a line longer than {@link #MAX_LINE} characters while it is read, before {@link BufferedReader#readLine}
     * would gather it: a file of gigabytes without a line break is none of these files, and is not held in memory.
     */
    private static final class LineLengthLimit extends FilterReader {
        private final String name;
        private int lines;
        private int sinceBreak;

        LineLengthLimit(Reader in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                    sinceBreak = 0;
                } else if (++sinceBreak > MAX_LINE) {
                    throw problem(name, lines + 1, "longer than " + MAX_LINE + " characters: not a file of this kind");
                }
            }
            return read;
        }
    }

    /** The longest line of a station, redirection or prior-vote file (a station's three addresses are far shorter). */
    static final int MAX_LINE = 1 << 16;

    private static void checkIin(String digits, String name, int line) {
        try {
            new Iin(digits);
        } catch (IllegalArgumentException e) {
            throw problem(name, line, "IIN is not 12 digits with a correct control digit");
        }
    }

    private static Reader strictUtf8(Path file) throws IOException {
        return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static RegisterException problem(String file, int line, String reason) {
        return new RegisterException(KEY, file + " line " + line + ": " + reason, null);
    }

    /** Our own refusals pass; anything else (not UTF-8, unreadable, bad CSV) becomes one, without its text. */
    private static RegisterException rethrown(Exception e, String file, int line) {
        if (e instanceof RegisterException r) {
            return r;
        }
        return problem(file, Math.max(1, line), "cannot be read (" + e.getClass().getSimpleName()
                + (e instanceof CharacterCodingException ? ": not UTF-8" : "") + ")");
    }
}
