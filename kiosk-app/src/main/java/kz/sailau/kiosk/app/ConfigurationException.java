package kz.sailau.kiosk.app;

import java.nio.file.Path;
import java.util.List;

/** The configuration file cannot be used; the message names the file and every problem, one per line. */
public final class ConfigurationException extends RuntimeException {

    private final Path file;
    private final List<String> problems;

    /** @param file the file read; @param problems one sentence per problem */
    public ConfigurationException(Path file, List<String> problems) {
        super("configuration " + file + " cannot be used:\n  - " + String.join("\n  - ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file and its problems on one line, the problems joined with "; ". */
    public String oneLine() {
        return "configuration " + file + " cannot be used: " + String.join("; ", problems);
    }

    /** The problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
