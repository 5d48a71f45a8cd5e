package kz.sailau.prints;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The small demo register committed inside this jar: {@value #COUNT} made-up voters of precinct
 * {@value #PRECINCT} with two enrolled fingers and three live captures each, plus the ill-formed
 * {@code voters-bad.csv}. It is exactly what {@link #generator()} writes for {@value #COUNT} voters (a test
 * checks this), without sensor noise and with images posterised to {@value #GREY_LEVELS} grey levels to keep it
 * small.
 *
 * <pre>{@code
 * VoterSetFiles demo = DemoSet.copyTo(tempDir);
 * List<String> lines = Files.readAllLines(demo.voters());
 * Path enrol = demo.prints().resolve("V0001").resolve("right_index_enrol.png");
 * }</pre>
 */
public final class DemoSet {

    /** Seed of the demo set. */
    public static final long SEED = 20261206L;
    /** Precinct of the demo voters. */
    public static final int PRECINCT = 101;
    /** Number of good demo voters. */
    public static final int COUNT = 40;
    /** Grey levels of the demo images. */
    public static final int GREY_LEVELS = 4;
    /** Where the set lies on the classpath. */
    public static final String RESOURCE_ROOT = "/kz/sailau/prints/demo/";
    /** The list of the set's files, relative to the root, one per line. */
    public static final String INDEX = "index.txt";

    private DemoSet() {
    }

    /** The generator whose output the committed set is. */
    public static VoterSetGenerator generator() {
        return new VoterSetGenerator(SEED, PRECINCT, Difficulty.NORMAL).withGreyLevels(GREY_LEVELS).withoutSensorNoise();
    }

    /**
     * Copies the demo set from the classpath to {@code directory} (created if missing).
     *
     * @return the paths of {@code voters.csv}, {@code documents.csv}, the prints folder and the bad-row files
     * @throws UncheckedIOException if the set is missing from the classpath or cannot be written
     */
    public static VoterSetFiles copyTo(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            for (String name : index()) {
                Path target = directory.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = open(name)) {
                    Files.write(target, in.readAllBytes());
                }
            }
            return VoterSetFiles.in(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the demo set to " + directory, e);
        }
    }

    /** The relative paths of the committed set's files. */
    public static List<String> index() throws IOException {
        try (InputStream in = open(INDEX)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Opens one file of the committed set. */
    public static InputStream open(String relativePath) throws IOException {
        InputStream in = DemoSet.class.getResourceAsStream(RESOURCE_ROOT + relativePath);
        if (in == null) {
            throw new IOException("demo set file missing from the classpath: " + relativePath);
        }
        return in;
    }

    /**
     * Writes the demo set afresh to {@code directory} with its {@value #INDEX}; used to refresh the committed
     * copy ({@code java -jar sample-prints.jar demo --out sample-prints/src/main/resources/kz/sailau/prints/demo}).
     */
    public static VoterSetFiles regenerate(Path directory) throws IOException {
        VoterSetFiles files = generator().write(directory, COUNT);
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> directory.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals(INDEX))
                    .sorted()
                    .forEach(names::add);
        }
        Files.writeString(directory.resolve(INDEX), String.join("\n", names) + "\n", StandardCharsets.UTF_8);
        return files;
    }
}
