package kz.sailau.kiosk.biometric;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;

/**
 * Fingerprint extraction and comparison, the one biometric interface of the kiosk. Scores are
 * SourceAFIS similarity scores: 0 for unrelated prints, rising with similarity; the decision threshold is
 * the caller's policy (see {@code docs/decisions/} for how the default is derived).
 */
public interface FingerMatcher {

    /** The version string stored with every template this matcher extracts. */
    String extractorVersion();

    /** Judges whether a live image is worth matching, and what to tell the voter if not. */
    ImageQuality assess(FingerImage image);

    /**
     * Extracts a template from an image.
     *
     * @throws TemplateExtractionException if the matcher cannot extract a usable template
     */
    FingerTemplate extract(FingerImage image);

    /**
     * The number of minutiae in a template, when the matcher can tell (an enrolment-quality measure).
     *
     * @throws TemplateExtractionException if the template cannot be read
     */
    default OptionalInt minutiaeCount(FingerTemplate template) {
        return OptionalInt.empty();
    }

    /**
     * Prepares a probe for many comparisons (1:1 against a voter's fingers, or 1:N).
     *
     * @throws TemplateExtractionException if the template cannot be read (foreign or damaged bytes)
     */
    PreparedProbe prepare(FingerTemplate probe);

    /**
     * Prepares a gallery for 1:N search: templates are decoded once and kept in memory.
     *
     * @param enrolled templates per key (a key is the caller's, e.g. a register row id; never an IIN in logs)
     * @param <K>      the key type
     * @throws TemplateExtractionException if a template cannot be read
     */
    <K> Gallery<K> gallery(Map<K, List<FingerTemplate>> enrolled);

    /**
     * Runs the matcher's decoding and comparison code on synthetic templates that hold no biometric data (random
     * points), so that the JVM has loaded and compiled it before the first real gallery is decoded: worth doing on an
     * idle core while the kiosk waits for something else (the store opening, the passphrase). Does nothing by
     * default.
     *
     * @param rounds how many synthetic templates to decode and compare (a few hundred are enough)
     */
    default void warmUp(int rounds) {
    }

    /** A probe decoded once for many comparisons. Thread-safe. */
    interface PreparedProbe {
        /** The similarity of the probe to one candidate template. */
        double score(FingerTemplate candidate);

        /** The best similarity of the probe to any of the candidate templates (0 for none). */
        default double bestScore(List<FingerTemplate> candidates) {
            double best = 0;
            for (FingerTemplate candidate : candidates) {
                best = Math.max(best, score(candidate));
            }
            return best;
        }
    }

    /**
     * Decoded templates for 1:N search.
     *
     * @param <K> the key type
     */
    interface Gallery<K> {
        /** Number of keys in the gallery. */
        int size();

        /**
         * Number of templates in the gallery, over all keys: the comparisons one 1:N search makes. Galleries that
         * hold templates override this; the default counts one per key.
         */
        default long templateCount() {
            return size();
        }

        /**
         * All keys whose best finger scores at least {@code threshold} against the probe, best first.
         * Uses all cores.
         */
        List<SearchHit<K>> search(FingerTemplate probe, double threshold);

        /**
         * The score of the probe against every template of every key, in the gallery's key order and each key's
         * template order: what an accuracy measurement needs (every impostor comparison, not only the best). Runs on
         * the calling thread, so that a caller scoring many probes can spread them over the cores itself.
         *
         * @throws UnsupportedOperationException if this gallery does not keep its templates one by one
         */
        default List<KeyScores<K>> scoresOf(FingerTemplate probe) {
            throw new UnsupportedOperationException("this gallery does not score templates one by one");
        }

        /**
         * Every pair of templates of two different keys whose score reaches {@code threshold}, each pair compared
         * once (the template of the earlier key in gallery order as the probe), where at least one of the two
         * templates is among the first {@code leading} templates of its key: what a duplicate search of the gallery
         * against itself needs (a key's representative templates first), without searching every template 1:N from
         * both sides. Uses all cores.
         *
         * @param leading how many of a key's first templates are compared with every template of the other keys
         *                (the others are compared with those of the other keys only); a value at least the key's
         *                template count compares every pair
         * @throws UnsupportedOperationException if this gallery does not keep its templates one by one
         */
        default List<PairScore<K>> pairsAtLeast(double threshold, ToIntFunction<K> leading) {
            return pairsAtLeast(threshold, leading, keyPairs -> { });
        }

        /**
         * As {@link #pairsAtLeast(double, ToIntFunction)}, telling {@code keyPairsDone} how many pairs of keys it has
         * compared as it goes (a key's row of pairs at a time, from any thread; {@code size() * (size() - 1) / 2}
         * in all), so that a search of thousands of keys can show its progress.
         *
         * @throws UnsupportedOperationException if this gallery does not keep its templates one by one
         */
        default List<PairScore<K>> pairsAtLeast(double threshold, ToIntFunction<K> leading,
                                                LongConsumer keyPairsDone) {
            throw new UnsupportedOperationException("this gallery does not compare its templates pairwise");
        }
    }

    /**
     * Two templates of two different gallery keys and their score.
     *
     * @param first          the earlier key in gallery order
     * @param firstTemplate  the index of the template among the first key's templates
     * @param second         the later key
     * @param secondTemplate the index of the template among the second key's templates
     * @param score          the similarity
     * @param <K>            the key type
     */
    record PairScore<K>(K first, int firstTemplate, K second, int secondTemplate, double score) {
    }

    /**
     * One candidate found by a 1:N search.
     *
     * @param key   the gallery key
     * @param score the best score over the key's fingers
     * @param <K>   the key type
     */
    record SearchHit<K>(K key, double score) {
    }

    /**
     * The scores of a probe against every template of one gallery key.
     *
     * @param key    the gallery key
     * @param scores one score per template of the key, in the key's template order
     * @param <K>    the key type
     */
    record KeyScores<K>(K key, double[] scores) {
        /** The best of the scores (0 for none). */
        public double best() {
            double best = 0;
            for (double score : scores) {
                best = Math.max(best, score);
            }
            return best;
        }
    }
}
