package kz.sailau.kiosk.register;

import java.util.Objects;

/**
 * A problem with one row of {@code voters.csv}: the CSV line (1-based, the header is line 1; a record
 * spanning several lines is reported at its first line), the field (column name, a finger such as
 * {@code right_index}, or {@code -} for the whole row) and the reason. Reasons never quote the value,
 * so a problem list can be logged.
 *
 * @param line     CSV line number
 * @param field    column name or {@code -}
 * @param reason   what is wrong, in English, without the value
 * @param severity whether it blocks the build
 */
public record RowProblem(int line, String field, String reason, Severity severity) {

    /** Whether a problem blocks the build. */
    public enum Severity {
        /** Blocks the build. */
        ERROR,
        /** Reported, allowed by law (e.g. birth date differing from the IIN). */
        WARNING
    }

    /**
     * The first line of a build report ({@code register build --report}), as of {@code voters-bad.expected.tsv}: it
     * also marks a file as an earlier report, the only kind of file the report may replace.
     */
    public static final String TSV_HEADER = "line\tfield\treason";

    /** @throws NullPointerException on a null field */
    public RowProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(severity, "severity");
    }

    /** An error. */
    static RowProblem error(int line, String field, String reason) {
        return new RowProblem(line, field, reason, Severity.ERROR);
    }

    /** A warning. */
    static RowProblem warning(int line, String field, String reason) {
        return new RowProblem(line, field, reason, Severity.WARNING);
    }

    /** {@code line<TAB>field<TAB>reason}, the layout of {@code voters-bad.expected.tsv}. */
    public String toTsv() {
        return line + "\t" + field + "\t" + reason;
    }

    @Override
    public String toString() {
        return severity + " line " + line + ", field " + field + ": " + reason;
    }
}
