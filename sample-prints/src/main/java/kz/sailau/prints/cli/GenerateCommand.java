package kz.sailau.prints.cli;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kz.sailau.prints.Difficulty;
import kz.sailau.prints.FingerprintGenerator;
import kz.sailau.prints.ImpressionSize;
import kz.sailau.prints.MasterFinger;
import kz.sailau.prints.PngEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate}: {@code DIR/<finger>_<impression>.png} and {@code DIR/manifest.tsv}. Impression 0 of each
 * finger is full-size (enrolment), the others sensor-sized, unless {@code --size} says otherwise.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write N fingers x K impressions as PNG files and a manifest.tsv.")
final class GenerateCommand implements Callable<Integer> {

    /** The manifest every output of this command holds. */
    static final String MANIFEST = "manifest.tsv";

    /** Which sizes to write. */
    enum SizeChoice { MIXED, FULL, SENSOR }

    @Option(names = "--fingers", required = true, description = "Number of fingers.")
    int fingers;

    @Option(names = "--impressions", required = true, description = "Impressions per finger.")
    int impressions;

    @Option(names = "--seed", required = true, description = "Seed.")
    long seed;

    @Option(names = "--difficulty", defaultValue = "NORMAL", description = "EASY, NORMAL or HARD (default ${DEFAULT-VALUE}).")
    Difficulty difficulty;

    @Option(names = "--size", defaultValue = "MIXED",
            description = "MIXED (impression 0 full, others sensor), FULL or SENSOR (default ${DEFAULT-VALUE}).")
    SizeChoice size;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (fingers < 1 || impressions < 1) {
            throw new UsageException("--fingers and --impressions must be at least 1");
        }
        OutputFolder.check(out, "--out", MANIFEST);
        Files.createDirectories(out);
        FingerprintGenerator generator = new FingerprintGenerator(seed, difficulty);
        long start = System.nanoTime();
        List<MasterFinger> masters = generator.masters(0, fingers);
        List<byte[]> images = FingerprintGenerator.inParallel(fingers * impressions, i -> {
            int impression = i % impressions;
            BufferedImage image = generator.impression(masters.get(i / impressions), impression, sizeOf(impression));
            return PngEncoder.encode(image);
        });
        StringBuilder manifest = new StringBuilder("file\tfinger\timpression\tclass\twidth\theight\n");
        for (int i = 0; i < images.size(); i++) {
            int finger = i / impressions;
            int impression = i % impressions;
            String name = finger + "_" + impression + ".png";
            Files.write(out.resolve(name), images.get(i));
            ImpressionSize s = sizeOf(impression);
            manifest.append(name).append('\t').append(finger).append('\t').append(impression).append('\t')
                    .append(masters.get(finger).fingerClass()).append('\t').append(s.width()).append('\t')
                    .append(s.height()).append('\n');
        }
        Files.writeString(out.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d images in %.1f s (%.1f images/s) to %s%n", images.size(), seconds,
                images.size() / seconds, out);
        return 0;
    }

    private ImpressionSize sizeOf(int impression) {
        return switch (size) {
            case FULL -> ImpressionSize.FULL;
            case SENSOR -> ImpressionSize.SENSOR;
            case MIXED -> impression == 0 ? ImpressionSize.FULL : ImpressionSize.SENSOR;
        };
    }
}
