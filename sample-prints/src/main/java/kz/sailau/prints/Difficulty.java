package kz.sailau.prints;

/**
 * How hard the impressions of a finger are to match: how far they move and rotate, how much the skin
 * stretches, how much of the finger touches the sensor, how dry or smudged the ridges are and how noisy the
 * sensor is. The values are tuned so that SourceAFIS at threshold 40 gives the false non-match rates reported
 * in {@code docs/sample-prints.md}.
 */
public enum Difficulty {
    /** Careful placement, moist clean finger: few false non-matches. */
    EASY(8, 10, 2.5, 0.00, 0.10, 0.05, 0.20, 6),
    /** Everyday use at a polling station: the default. */
    NORMAL(20, 20, 6.0, 0.07, 0.30, 0.15, 0.38, 12),
    /** Hurried placement, dry or pressed fingers, a worn sensor. */
    HARD(20, 26, 7.5, 0.15, 0.42, 0.22, 0.48, 15);

    /** Largest rotation of an impression, degrees either way. */
    final double maxRotationDegrees;
    /** Standard deviation of the placement offset, pixels. */
    final double placementSigma;
    /** Amplitude of the elastic skin distortion at the edge of the contact area, pixels. */
    final double distortionPixels;
    /** Smallest and largest share by which the contact area shrinks (partial contact). */
    final double minContactLoss;
    final double maxContactLoss;
    /** Share of ridge pixels lost to dryness (breaks), lower and upper bound. */
    final double minDryness;
    final double maxDryness;
    /** Standard deviation of the sensor noise, grey levels. */
    final double noiseSigma;

    Difficulty(double maxRotationDegrees, double placementSigma, double distortionPixels,
               double minContactLoss, double maxContactLoss, double minDryness, double maxDryness,
               double noiseSigma) {
        this.maxRotationDegrees = maxRotationDegrees;
        this.placementSigma = placementSigma;
        this.distortionPixels = distortionPixels;
        this.minContactLoss = minContactLoss;
        this.maxContactLoss = maxContactLoss;
        this.minDryness = minDryness;
        this.maxDryness = maxDryness;
        this.noiseSigma = noiseSigma;
    }
}
