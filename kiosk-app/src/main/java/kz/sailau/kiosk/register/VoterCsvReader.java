package kz.sailau.kiosk.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code voters.csv}: UTF-8 (an initial byte-order mark is tolerated), RFC 4180, header exactly
 * {@value #HEADER}, optionally followed by {@code ,}{@value #DPI_COLUMN} (the resolution of the row's enrolment
 * images, for images that do not state it). Only the shape is checked here (encoding, header, number of fields);
 * the values are checked by {@link VoterRowValidator} and, for {@code dpi}, by the register builder.
 */
public final class VoterCsvReader {

    /** The required header line. */
    public static final String HEADER = "voter_key,iin,surname,given_name,patronymic,birth_date,sex,precinct";
    /** Column names in order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));
    /** The optional last column: the resolution of the row's enrolment images in dots per inch, may be empty. */
    public static final String DPI_COLUMN = "dpi";
    /** Upper bound of the file size: a precinct of 3,000 voters needs about 300 KB. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private VoterCsvReader() {
    }

    /**
     * A data row as text, with its CSV line.
     *
     * @param line   first line of the record
     * @param values the eight field values in {@link #COLUMNS} order, then the {@value #DPI_COLUMN} value when the
     *               file has that column
     */
    public record CsvRow(int line, List<String> values) {

        /** The value of a column. */
        public String get(String column) {
            return values.get(COLUMNS.indexOf(column));
        }

        /** The {@value #DPI_COLUMN} value, stripped, when the file has that column and the cell is not empty. */
        public Optional<String> dpi() {
            return values.size() > COLUMNS.size() && !values.get(COLUMNS.size()).isBlank()
                    ? Optional.of(values.get(COLUMNS.size()).strip()) : Optional.empty();
        }

        @Override
        public String toString() {
            return "CsvRow[line " + line + "]";
        }
    }

    /**
     * Rows and shape problems.
     *
     * @param rows     well-shaped data rows
     * @param problems shape problems (each an error)
     */
    public record CsvContent(List<CsvRow> rows, List<RowProblem> problems) {
    }

    /**
     * Reads a file.
     *
     * @throws RegisterException {@code register.error.csvRead} when the file cannot be read or is too large
     */
    public static CsvContent read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new RegisterException("register.error.csvRead", "voters file is larger than " + MAX_BYTES
                        + " bytes", null);
            }
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new RegisterException("register.error.csvRead", "voters file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses file bytes. */
    public static CsvContent parse(byte[] bytes) {
        List<RowProblem> problems = new ArrayList<>();
        List<CsvRow> rows = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(RowProblem.error(1, "-", "file is not valid UTF-8"));
            return new CsvContent(rows, problems);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        boolean header = true;
        int columns = COLUMNS.size();
        int line = 1;
        try (MappingIterator<List<String>> iterator = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).readValues(new StringReader(text))) {
            while (iterator.hasNextValue()) {
                // Jackson's CSV parser reports a record's start token on the line before it (1-based, counted
                // at the end of the previous record), so the record's own first line is one more.
                line = header ? 1 : Math.max(2, (int) iterator.getParser().currentTokenLocation().getLineNr() + 1);
                List<String> values = iterator.nextValue();
                if (header) {
                    header = false;
                    String given = String.join(",", values);
                    if (given.equals(HEADER + "," + DPI_COLUMN)) {
                        columns = COLUMNS.size() + 1;
                    } else if (!given.equals(HEADER)) {
                        problems.add(RowProblem.error(line, "-", "header must be exactly " + HEADER
                                + " (optionally followed by ," + DPI_COLUMN + ")"));
                        return new CsvContent(rows, problems);
                    }
                    continue;
                }
                if (values.size() == 1 && values.get(0).isEmpty()) {
                    continue; // an empty line
                }
                if (values.size() != columns) {
                    problems.add(RowProblem.error(line, "-", "row has " + values.size() + " fields, expected "
                            + columns));
                    continue;
                }
                rows.add(new CsvRow(line, List.copyOf(values)));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // Jackson's message may quote the offending text; report only where it happened.
            problems.add(RowProblem.error(line + (header ? 0 : 1), "-", "malformed CSV (unbalanced quotes?)"));
        } catch (IOException e) {
            problems.add(RowProblem.error(line, "-", "CSV cannot be read"));
        }
        if (header) {
            problems.add(RowProblem.error(1, "-", "file is empty; header " + HEADER + " expected"));
        }
        return new CsvContent(rows, problems);
    }
}
