package kz.sailau.prints;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Writes synthetic prints in the layout of the fingerprint verification competitions, for the kiosk's accuracy
 * command: {@code DIR/<set>/<finger>_<impression>.png}, fingers numbered from 101 and impressions from 1 as in FVC's
 * B sets. Impressions 1 and 2 are full-size (for enrolment), 3 and later sensor-sized (live captures). Four sets, each
 * like a different sensor:
 *
 * <ul>
 *   <li>{@code s1-normal-500dpi}: difficulty normal, 500 dpi stated in each PNG;</li>
 *   <li>{@code s2-hard-569dpi}: difficulty hard, scanned at 569 dpi (as FVC2002 DB2), the PNGs state no
 *       resolution and {@code s2-hard-569dpi/dpi} says 569;</li>
 *   <li>{@code s3-conditions-500dpi}: difficulty normal, but every other live impression has a hard
 *       {@link Condition} (partial, rotated, dry, wet, displaced, in turn);</li>
 *   <li>{@code s4-easy-512dpi}: difficulty easy, 512 dpi (as FVC2004 DB3) stated in each PNG.</li>
 * </ul>
 *
 * Plus {@code DIR/manifest.tsv}: {@code set file finger impression size dpi condition}. The same seed, finger count
 * and impression count give the same bytes.
 */
public final class CompetitionSetGenerator {

    /** One set's recipe. */
    record Recipe(String name, Difficulty difficulty, int dpi, boolean statesDpi, boolean conditions) {
    }

    /** The four sets, in order. */
    static final List<Recipe> RECIPES = List.of(
            new Recipe("s1-normal-500dpi", Difficulty.NORMAL, 500, true, false),
            new Recipe("s2-hard-569dpi", Difficulty.HARD, 569, false, false),
            new Recipe("s3-conditions-500dpi", Difficulty.NORMAL, 500, true, true),
            new Recipe("s4-easy-512dpi", Difficulty.EASY, 512, true, false));
    /** Impressions 1 and 2 are full-size. */
    static final int FULL_IMPRESSIONS = 2;

    private final long seed;

    /** @param seed the seed of every set */
    public CompetitionSetGenerator(long seed) {
        this.seed = seed;
    }

    /** The condition of one impression (1-based) of one finger (0-based within its set) of a set. */
    static Condition condition(Recipe recipe, int finger, int impression) {
        if (!recipe.conditions() || impression <= FULL_IMPRESSIONS || (finger + impression) % 2 != 0) {
            return Condition.NONE;
        }
        return Condition.HARD_CASES.get(((finger + impression) / 2) % Condition.HARD_CASES.size());
    }

    /**
     * Writes the four sets.
     *
     * @param directory   the folder (created if missing)
     * @param fingers     fingers per set, even (two per voter), 2 to 200
     * @param impressions impressions per finger, 3 to 12
     * @throws IOException if a file cannot be written
     */
    public void write(Path directory, int fingers, int impressions) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (fingers < 2 || fingers > 200 || fingers % 2 != 0) {
            throw new IllegalArgumentException("fingers must be even, 2..200");
        }
        if (impressions < FULL_IMPRESSIONS + 1 || impressions > 12) {
            throw new IllegalArgumentException("impressions must be 3..12");
        }
        StringBuilder manifest = new StringBuilder("set\tfile\tfinger\timpression\tsize\tdpi\tcondition\n");
        for (int s = 0; s < RECIPES.size(); s++) {
            Recipe recipe = RECIPES.get(s);
            FingerprintGenerator generator = new FingerprintGenerator(SeededRandom.derive(seed, 30), recipe.difficulty());
            // Each finger grown once for all its impressions (growing is most of the work; it was once per image).
            List<MasterFinger> masters = generator.masters(s * fingers, fingers);
            List<byte[]> images = Parallel.map(fingers * impressions, i -> {
                int finger = i / impressions;
                int impression = i % impressions + 1;
                BufferedImage image = generator.impression(masters.get(finger), impression, size(impression),
                        condition(recipe, finger, impression), recipe.dpi());
                return PngEncoder.encode(image, recipe.statesDpi() ? OptionalInt.of(recipe.dpi()) : OptionalInt.empty());
            });
            Path folder = directory.resolve(recipe.name());
            Files.createDirectories(folder);
            if (!recipe.statesDpi()) {
                Files.writeString(folder.resolve("dpi"), recipe.dpi() + "\n", StandardCharsets.US_ASCII);
            }
            for (int i = 0; i < images.size(); i++) {
                int finger = i / impressions;
                int impression = i % impressions + 1;
                String file = (101 + finger) + "_" + impression + ".png";
                Files.write(folder.resolve(file), images.get(i));
                manifest.append(recipe.name()).append('\t').append(file).append('\t').append(101 + finger).append('\t')
                        .append(impression).append('\t').append(size(impression).name().toLowerCase(java.util.Locale.ROOT))
                        .append('\t').append(recipe.dpi()).append('\t')
                        .append(condition(recipe, finger, impression).name().toLowerCase(java.util.Locale.ROOT))
                        .append('\n');
            }
        }
        Files.writeString(directory.resolve("manifest.tsv"), manifest, StandardCharsets.UTF_8);
    }

    private static ImpressionSize size(int impression) {
        return impression <= FULL_IMPRESSIONS ? ImpressionSize.FULL : ImpressionSize.SENSOR;
    }
}
