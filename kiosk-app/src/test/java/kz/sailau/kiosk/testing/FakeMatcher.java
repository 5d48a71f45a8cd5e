package kz.sailau.kiosk.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;

/**
 * The tests' one stand-in for SourceAFIS: a {@link FingerMatcher} whose scores come from a rule the test states
 * ({@link Scoring}), with a 1:N gallery that searches every key as the real one does (best finger per key, at or
 * above the threshold, best first). Three rules cover the tests:
 * <ul>
 *   <li>{@link #imageEncoded()}: the check-in and screen tests write the verdict into the live image (identity in
 *       pixel 0, strength in pixel 1, {@link ImageQuality} ordinal in pixel 2);</li>
 *   <li>{@link #exact(String)}: byte-identical templates score 100, others 0 (the register's lookups);</li>
 *   <li>{@link #scoring(String, Scoring)}: any table or rule (duplicate detection, the pre-election test).</li>
 * </ul>
 */
public final class FakeMatcher implements FingerMatcher {

    /** The template version of {@link #imageEncoded()}. */
    public static final String IMAGE_ENCODED_VERSION = "fake-1";
    /** What an enrolled template scores against a probe of another identity under {@link #imageEncoded()}. */
    public static final double OTHER_IDENTITY_SCORE = 3;

    /** The score of a probe against one candidate template. */
    @FunctionalInterface
    public interface Scoring {
        /** @return the score of {@code probe} against {@code candidate} */
        double score(FingerTemplate probe, FingerTemplate candidate);
    }

    private final String version;
    private final Scoring scoring;
    private final Function<FingerImage, ImageQuality> quality;
    private final Function<FingerImage, FingerTemplate> extraction;

    private FakeMatcher(String version, Scoring scoring, Function<FingerImage, ImageQuality> quality,
                        Function<FingerImage, FingerTemplate> extraction) {
        this.version = Objects.requireNonNull(version, "version");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.quality = Objects.requireNonNull(quality, "quality");
        this.extraction = Objects.requireNonNull(extraction, "extraction");
    }

    /**
     * The image-encoded rule: an image's pixel 0 is the identity, pixel 1 the strength it scores against that
     * identity's templates ({@link #template}), pixel 2 the quality verdict; other identities score
     * {@value #OTHER_IDENTITY_SCORE}.
     */
    public static FakeMatcher imageEncoded() {
        return new FakeMatcher(IMAGE_ENCODED_VERSION,
                (probe, candidate) -> candidate.bytes()[0] == probe.bytes()[0] ? (probe.bytes()[2] & 0xFF)
                        : OTHER_IDENTITY_SCORE,
                image -> {
                    int q = image.gray(2, 0);
                    return q < ImageQuality.values().length ? ImageQuality.values()[q] : ImageQuality.GOOD;
                },
                image -> new FingerTemplate(new byte[] {(byte) image.gray(0, 0), 0, (byte) image.gray(1, 0)},
                        IMAGE_ENCODED_VERSION));
    }

    /** The enrolled template of {@code identity}'s finger {@code finger} under {@link #imageEncoded()}. */
    public static FingerTemplate template(int identity, int finger) {
        return new FingerTemplate(new byte[] {(byte) identity, (byte) finger, 100}, IMAGE_ENCODED_VERSION);
    }

    /** A small live image of {@code identity}'s finger scoring {@code strength}, judged {@code quality}. */
    public static FingerImage image(int identity, int strength, ImageQuality quality) {
        byte[] pixels = new byte[16 * 16];
        pixels[0] = (byte) identity;
        pixels[1] = (byte) strength;
        pixels[2] = (byte) quality.ordinal();
        return new FingerImage(16, 16, pixels, 500);
    }

    /** Byte-identical templates score 100, any others 0; images are not used. */
    public static FakeMatcher exact(String version) {
        return scoring(version, (probe, candidate) -> Arrays.equals(probe.bytes(), candidate.bytes()) ? 100 : 0);
    }

    /**
     * Scores by {@code scoring}; every image is good, and its template is its first pixel (so a test can
     * tell probes apart by one byte).
     */
    public static FakeMatcher scoring(String version, Scoring scoring) {
        return new FakeMatcher(version, scoring, image -> ImageQuality.GOOD,
                image -> new FingerTemplate(new byte[] {(byte) image.gray(0, 0)}, version));
    }

    @Override
    public String extractorVersion() {
        return version;
    }

    @Override
    public ImageQuality assess(FingerImage image) {
        return quality.apply(image);
    }

    @Override
    public FingerTemplate extract(FingerImage image) {
        return extraction.apply(image);
    }

    @Override
    public PreparedProbe prepare(FingerTemplate probe) {
        Objects.requireNonNull(probe, "probe");
        return candidate -> scoring.score(probe, candidate);
    }

    @Override
    public <K> Gallery<K> gallery(Map<K, List<FingerTemplate>> enrolled) {
        Map<K, List<FingerTemplate>> copy = Map.copyOf(enrolled);
        List<Map.Entry<K, List<FingerTemplate>>> ordered = List.copyOf(enrolled.entrySet());
        return new Gallery<>() {
            @Override
            public List<PairScore<K>> pairsAtLeast(double threshold, ToIntFunction<K> leading,
                                                   LongConsumer keyPairsDone) {
                List<PairScore<K>> pairs = new ArrayList<>();
                for (int i = 0; i < ordered.size(); i++) {
                    keyPairsDone.accept(ordered.size() - 1 - i);
                    for (int j = i + 1; j < ordered.size(); j++) {
                        List<FingerTemplate> first = ordered.get(i).getValue();
                        List<FingerTemplate> second = ordered.get(j).getValue();
                        int leadFirst = leading.applyAsInt(ordered.get(i).getKey());
                        int leadSecond = leading.applyAsInt(ordered.get(j).getKey());
                        for (int a = 0; a < first.size(); a++) {
                            for (int b = 0; b < second.size(); b++) {
                                if (a >= leadFirst && b >= leadSecond) {
                                    continue;
                                }
                                double score = scoring.score(first.get(a), second.get(b));
                                if (score >= threshold) {
                                    pairs.add(new PairScore<>(ordered.get(i).getKey(), a, ordered.get(j).getKey(), b,
                                            score));
                                }
                            }
                        }
                    }
                }
                return pairs;
            }

            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public List<SearchHit<K>> search(FingerTemplate probe, double threshold) {
                PreparedProbe prepared = prepare(probe);
                List<SearchHit<K>> hits = new ArrayList<>();
                copy.forEach((key, templates) -> {
                    double best = prepared.bestScore(templates);
                    if (best >= threshold) {
                        hits.add(new SearchHit<>(key, best));
                    }
                });
                hits.sort(Comparator.comparingDouble((SearchHit<K> hit) -> hit.score()).reversed());
                return hits;
            }
        };
    }
}
