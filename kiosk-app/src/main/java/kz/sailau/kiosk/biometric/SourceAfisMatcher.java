package kz.sailau.kiosk.biometric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@link FingerMatcher} backed by SourceAFIS (robertvazan/sourceafis-java), the only class of the kiosk
 * that touches it.
 */
public final class SourceAfisMatcher implements FingerMatcher {

    // Quality limits, tuned on the synthetic prints of sample-prints and the R30x's 256x288 frames.
    /** Side of the square blocks in which contrast is measured, about one and a half ridge periods. */
    static final int QUALITY_BLOCK = PrintMeasures.BLOCK;
    /** A block whose gray-level standard deviation is below this holds no ridges. */
    static final double RIDGE_BLOCK_MIN_DEVIATION = PrintMeasures.RIDGE_BLOCK_MIN_DEVIATION;
    /** Below this fraction of ridge blocks the glass is empty. */
    static final double NO_FINGER_MAX_FRACTION = 0.05;
    /** Below this fraction of ridge blocks too little of the finger touches. */
    static final double SMALL_CONTACT_MAX_FRACTION = 0.25;
    /**
     * Mean deviation over ridge blocks below this: ridges too faint to extract reliably. Every ridge block has at
     * least 12, so this only catches images whose ridged blocks are all barely above it. Measured on 350 sensor
     * views (256 × 288, 4 bits) of FVC2000 DB1-DB4 B and FVC2002 DB1 B (decision 0141): the former 20 rejected 52
     * views, 37 of which would have verified at 48, while the views that fail to match have a median of 42 (faint
     * but clear ridges match well; what fails is distortion and small overlap); 15 rejects 1, which would not have
     * verified either.
     */
    static final double LOW_CONTRAST_MAX_DEVIATION = 15.0;

    /**
     * Synthetic templates for {@link #warmUp}: minutiae per template, about what SourceAFIS keeps of a 320 × 400
     * enrolment image (it caps a template at 100), and the image size they are spread over.
     */
    static final int WARM_UP_MINUTIAE = 60;
    static final int WARM_UP_WIDTH = 320;
    static final int WARM_UP_HEIGHT = 400;

    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private final String extractorVersion = "sourceafis-" + FingerprintCompatibility.version();

    @Override
    public String extractorVersion() {
        return extractorVersion;
    }

    @Override
    public ImageQuality assess(FingerImage image) {
        Objects.requireNonNull(image, "image");
        int blocks = 0;
        int ridgeBlocks = 0;
        double ridgeDeviationSum = 0;
        for (int by = 0; by + QUALITY_BLOCK <= image.height(); by += QUALITY_BLOCK) {
            for (int bx = 0; bx + QUALITY_BLOCK <= image.width(); bx += QUALITY_BLOCK) {
                double deviation = blockDeviation(image, bx, by);
                blocks++;
                if (deviation >= RIDGE_BLOCK_MIN_DEVIATION) {
                    ridgeBlocks++;
                    ridgeDeviationSum += deviation;
                }
            }
        }
        double fraction = blocks == 0 ? 0 : (double) ridgeBlocks / blocks;
        if (fraction < NO_FINGER_MAX_FRACTION) {
            return ImageQuality.NO_FINGER;
        }
        if (fraction < SMALL_CONTACT_MAX_FRACTION) {
            return ImageQuality.SMALL_CONTACT;
        }
        if (ridgeDeviationSum / ridgeBlocks < LOW_CONTRAST_MAX_DEVIATION) {
            return ImageQuality.LOW_CONTRAST;
        }
        return ImageQuality.GOOD;
    }

    private static double blockDeviation(FingerImage image, int bx, int by) {
        return PrintMeasures.blockDeviation(image, bx, by, QUALITY_BLOCK);
    }

    @Override
    public FingerTemplate extract(FingerImage image) {
        Objects.requireNonNull(image, "image");
        try {
            FingerprintTemplate template = new FingerprintTemplate(new FingerprintImage(image.width(), image.height(),
                    image.pixels(), new FingerprintImageOptions().dpi(image.dpi())));
            return new FingerTemplate(template.toByteArray(), extractorVersion);
        } catch (RuntimeException e) {
            throw new TemplateExtractionException("finger.error.extraction",
                    "template extraction failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Reads the minutiae count out of the template's CBOR form (SourceAFIS 3.x {@code PersistentTemplate}). */
    @Override
    public OptionalInt minutiaeCount(FingerTemplate template) {
        decode(template); // the same version and damage checks as for matching
        try {
            JsonNode positions = CBOR.readTree(template.bytes()).get("positionsX");
            return positions != null && positions.isArray() ? OptionalInt.of(positions.size()) : OptionalInt.empty();
        } catch (IOException e) {
            throw new TemplateExtractionException("finger.error.templateDamaged",
                    "template cannot be decoded: " + e.getClass().getSimpleName(), e);
        }
    }

    private FingerprintTemplate decode(FingerTemplate template) {
        Objects.requireNonNull(template, "template");
        if (!template.extractorVersion().equals(extractorVersion)) {
            throw new TemplateExtractionException("finger.error.templateVersion",
                    "template made by " + template.extractorVersion() + ", matcher is " + extractorVersion
                            + "; re-extract from the enrolment images", null);
        }
        try {
            return new FingerprintTemplate(template.bytes());
        } catch (RuntimeException e) {
            throw new TemplateExtractionException("finger.error.templateDamaged",
                    "template cannot be decoded: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes and compares synthetic templates: random minutiae (a fixed seed, no print behind them) written in the
     * same CBOR form SourceAFIS stores, so that the same code runs as for the register's templates.
     */
    @Override
    public void warmUp(int rounds) {
        SplittableRandom random = new SplittableRandom(rounds);
        FingerprintMatcher matcher = null;
        for (int round = 0; round < rounds; round++) {
            FingerprintTemplate decoded = decode(new FingerTemplate(syntheticTemplate(random), extractorVersion));
            if (matcher != null) {
                matcher.match(decoded);
            }
            if (round % 16 == 0) {
                matcher = new FingerprintMatcher(decoded);
            }
        }
    }

    /** A template of random minutiae in SourceAFIS 3.x's serialized form ({@code PersistentTemplate}). */
    private static byte[] syntheticTemplate(SplittableRandom random) {
        ObjectNode template = CBOR.createObjectNode();
        template.put("version", FingerprintCompatibility.version() + "-java"); // as PersistentTemplate writes it
        template.put("width", WARM_UP_WIDTH);
        template.put("height", WARM_UP_HEIGHT);
        ArrayNode x = template.putArray("positionsX");
        ArrayNode y = template.putArray("positionsY");
        ArrayNode directions = template.putArray("directions");
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < WARM_UP_MINUTIAE; i++) {
            x.add(random.nextInt(16, WARM_UP_WIDTH - 16));
            y.add(random.nextInt(16, WARM_UP_HEIGHT - 16));
            directions.add((float) (random.nextDouble() * 6.28)); // in [0, 2π) also after rounding to float
            types.append(random.nextBoolean() ? 'E' : 'B');
        }
        template.put("types", types.toString());
        try {
            return CBOR.writeValueAsBytes(template);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a synthetic template", e);
        }
    }

    @Override
    public PreparedProbe prepare(FingerTemplate probe) {
        FingerprintMatcher matcher = new FingerprintMatcher(decode(probe));
        return candidate -> matcher.match(decode(candidate));
    }

    @Override
    public <K> Gallery<K> gallery(Map<K, List<FingerTemplate>> enrolled) {
        Objects.requireNonNull(enrolled, "enrolled");
        // An array-backed copy splits evenly over the cores (a LinkedHashMap's entry set splits in growing batches).
        List<Entry<K>> entries = new ArrayList<>(enrolled.entrySet()).parallelStream()
                .map(e -> new Entry<>(e.getKey(), e.getValue().stream().map(this::decode).toList()))
                .collect(Collectors.toCollection(ArrayList::new));
        return new DecodedGallery<>(List.copyOf(entries), this);
    }

    private record Entry<K>(K key, List<FingerprintTemplate> templates) {
    }

    private record DecodedGallery<K>(List<Entry<K>> entries, SourceAfisMatcher owner) implements Gallery<K> {
        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public long templateCount() {
            return entries.stream().mapToLong(e -> e.templates().size()).sum();
        }

        @Override
        public List<KeyScores<K>> scoresOf(FingerTemplate probe) {
            FingerprintMatcher matcher = new FingerprintMatcher(owner.decode(probe));
            List<KeyScores<K>> all = new ArrayList<>(entries.size());
            for (Entry<K> entry : entries) {
                double[] scores = new double[entry.templates().size()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = matcher.match(entry.templates().get(i));
                }
                all.add(new KeyScores<>(entry.key(), scores));
            }
            return all;
        }

        @Override
        public List<PairScore<K>> pairsAtLeast(double threshold, ToIntFunction<K> leading,
                                               LongConsumer keyPairsDone) {
            int n = entries.size();
            int[] lead = entries.stream().mapToInt(e -> leading.applyAsInt(e.key())).toArray();
            // Row i compares with the n - 1 - i rows after it: interleaving cheap and dear rows (0, n-1, 1, n-2 …)
            // gives every half of the range the same work, so the stream's splits keep both cores busy.
            return IntStream.range(0, n).parallel()
                    .map(k -> k % 2 == 0 ? k / 2 : n - 1 - k / 2)
                    .mapToObj(i -> {
                        List<PairScore<K>> row = pairsOf(i, threshold, lead);
                        keyPairsDone.accept(n - 1 - i);
                        return row;
                    })
                    .flatMap(List::stream)
                    .toList();
        }

        private List<PairScore<K>> pairsOf(int i, double threshold, int[] lead) {
            Entry<K> first = entries.get(i);
            List<PairScore<K>> found = new ArrayList<>();
            for (int a = 0; a < first.templates().size(); a++) {
                FingerprintMatcher matcher = new FingerprintMatcher(first.templates().get(a));
                boolean leads = a < lead[i];
                for (int j = i + 1; j < entries.size(); j++) {
                    List<FingerprintTemplate> second = entries.get(j).templates();
                    int end = leads ? second.size() : Math.min(lead[j], second.size());
                    for (int b = 0; b < end; b++) {
                        double score = matcher.match(second.get(b));
                        if (score >= threshold) {
                            found.add(new PairScore<>(first.key(), a, entries.get(j).key(), b, score));
                        }
                    }
                }
            }
            return found;
        }

        @Override
        public List<SearchHit<K>> search(FingerTemplate probe, double threshold) {
            FingerprintMatcher matcher = new FingerprintMatcher(owner.decode(probe));
            return entries.parallelStream()
                    .map(entry -> {
                        double best = 0;
                        for (FingerprintTemplate candidate : entry.templates()) {
                            best = Math.max(best, matcher.match(candidate));
                        }
                        return new SearchHit<>(entry.key(), best);
                    })
                    .filter(hit -> hit.score() >= threshold)
                    .sorted(Comparator.comparingDouble((SearchHit<K> hit) -> hit.score()).reversed())
                    .toList();
        }
    }
}
