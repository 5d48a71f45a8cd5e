package kz.sailau.fingerprint.emulator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides what the emulated sensor sees at each GenImg poll when no finger was presented programmatically.
 * Implementations must be thread-safe only if shared between emulators.
 */
@FunctionalInterface
public interface FingerSource {

    /** A source with never a finger on it. */
    FingerSource NONE = Optional::empty;

    /**
     * Answers one GenImg poll.
     *
     * @return the picture of the finger on the sensor (the sensor fits it to its geometry), or empty for "no
     *         finger"
     * @throws IOException if an image cannot be read
     */
    Optional<BufferedImage> poll() throws IOException;

    /**
     * A folder of images served in file-name order, one image per poll, starting over after the last.
     *
     * @param folder a folder holding {@code .png} files (other files are ignored)
     * @return the source
     * @throws IOException if the folder cannot be listed or holds no PNG
     */
    static FingerSource folder(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        List<Path> images;
        try (Stream<Path> files = Files.list(folder)) {
            images = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
        }
        if (images.isEmpty()) {
            throw new IOException("no .png images in " + folder);
        }
        List<Optional<Path>> steps = new ArrayList<>();
        images.forEach(p -> steps.add(Optional.of(p)));
        return new SteppedFingerSource(steps);
    }

    /**
     * A script: a text file with one step per line, followed in order and started over after the last.
     * {@code finger FILE} puts the image FILE (relative to the script's folder) on the sensor for one poll;
     * {@code no-finger N} answers "no finger" to N polls. Blank lines and lines starting with {@code #} are
     * ignored.
     *
     * @param script the script file
     * @return the source
     * @throws IOException if the script cannot be read, has an invalid line, or has no step
     */
    static FingerSource script(Path script) throws IOException {
        Objects.requireNonNull(script, "script");
        Path base = script.toAbsolutePath().getParent();
        List<Optional<Path>> steps = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(script)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+", 2);
            if (words[0].equals("finger") && words.length == 2) {
                Path image = base.resolve(words[1]);
                if (!Files.isRegularFile(image)) {
                    throw new IOException("script line " + lineNumber + ": no such image " + words[1]);
                }
                steps.add(Optional.of(image));
            } else if (words[0].equals("no-finger") && words.length == 2 && words[1].matches("\\d{1,6}")) {
                for (int i = Integer.parseInt(words[1]); i > 0; i--) {
                    steps.add(Optional.empty());
                }
            } else {
                throw new IOException("script line " + lineNumber + ": expected 'finger FILE' or 'no-finger N'");
            }
        }
        if (steps.isEmpty()) {
            throw new IOException("script has no step: " + script);
        }
        return new SteppedFingerSource(steps);
    }
}
