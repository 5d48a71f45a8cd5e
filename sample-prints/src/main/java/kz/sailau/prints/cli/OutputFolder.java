package kz.sailau.prints.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folder a command writes its made-up data into, checked before anything is generated: a new folder, an empty
 * one, or an earlier output of the same command (it holds that command's own {@code marker} file, so a set can be
 * written again). Anything else is refused: {@code voters --out} on the authority's real folder replaced its
 * {@code voters.csv} with made-up voters, and a file given as the folder ended in a stack trace.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Checks {@code folder}; creates nothing.
     *
     * @param folder the output folder
     * @param option the option that named it, for the message
     * @param marker the file an earlier output of this command always holds
     * @throws UsageException when the folder is a file, or a folder with other content
     */
    static void check(Path folder, String option, String marker) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException(option + ": " + folder + " is a file, not a folder");
        }
        if (!Files.isDirectory(folder) || Files.isRegularFile(folder.resolve(marker))) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                throw new UsageException(option + ": " + folder + " is a folder with other files (no " + marker
                        + " of an earlier output); refusing to write made-up data into it (choose a new folder)");
            }
        } catch (IOException e) {
            throw new UsageException(option + ": " + folder + " cannot be read");
        }
    }
}
