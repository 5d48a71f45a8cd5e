package kz.sailau.prints;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a written voter set lies.
 *
 * @param directory the set's root directory
 * @param voters {@code voters.csv}
 * @param documents {@code documents.csv}
 * @param prints {@code prints/}, one folder per voter key
 * @param badVoters {@code voters-bad.csv}
 * @param badVotersExpected {@code voters-bad.expected.tsv}
 */
public record VoterSetFiles(Path directory, Path voters, Path documents, Path prints, Path badVoters,
                            Path badVotersExpected) {

    /** The name of the expected-problems file, which every written voter set holds. */
    public static final String EXPECTED_PROBLEMS = "voters-bad.expected.tsv";

    /** @throws NullPointerException if a path is null */
    public VoterSetFiles {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(voters, "voters");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(prints, "prints");
        Objects.requireNonNull(badVoters, "badVoters");
        Objects.requireNonNull(badVotersExpected, "badVotersExpected");
    }

    /** The standard file names under {@code directory}. */
    public static VoterSetFiles in(Path directory) {
        return new VoterSetFiles(directory, directory.resolve("voters.csv"), directory.resolve("documents.csv"),
                directory.resolve("prints"), directory.resolve("voters-bad.csv"),
                directory.resolve(EXPECTED_PROBLEMS));
    }
}
