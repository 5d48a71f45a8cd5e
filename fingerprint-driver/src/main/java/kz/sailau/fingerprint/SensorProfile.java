package kz.sailau.fingerprint;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the kiosk needs to know about one sensor model of the R30x / ZFM / AS608 family, taken from its user manual:
 * the image geometry the module uploads, the baud factors it accepts, how long its commands may take, and the
 * answers that differ between models. The driver derives the image size and every reply timeout from the profile
 * (and the packet size and line speed from the sensor's own ReadSysPara answer); the emulator behaves like the
 * profile, slow paths included.
 *
 * <p>Pixel model, common to the family: the module keeps 8-bit pixels and, "to speed up the transmission, only the
 * upper four bits of each pixel" go over the UART, two pixels per byte with the left one in the high nibble
 * (ZFM-20 manual, "Image buffer"; R503 manual, "Buffer"). The host widens nibble {@code n} to {@code n × 17}.
 *
 * <p>The catalogue ({@link #catalogue()}) lists the tested models; {@code docs/fingerprint-driver.md} says how to
 * add one after running {@code fingerprint-driver probe} on it.
 *
 * @param id                  the key used in {@code kiosk.json} and on the command line, e.g. {@code zfm-20}
 * @param model               the model name as the manual gives it
 * @param source              the manual the values come from (title, version, section)
 * @param imageWidth          pixels per image row of UpImage
 * @param imageHeight         image rows of UpImage
 * @param dpi                 resolution
 * @param baudFactors         the N the module accepts for SetSysPara parameter 4 (baud = 9600 × N), ascending
 * @param systemIdentifier    the system identifier code ReadSysPara reports
 * @param librarySize         the template library capacity
 * @param imageCaptureMax     the manual's "image acquiring time" bound: the longest GenImg takes
 * @param featureMax          the longest Img2Tz, RegModel and Match take (the manual's figure, or its search time)
 * @param searchMax           the longest Search of the whole library takes
 * @param commandMax          the longest any other command takes before its answer starts (not in the manuals: our
 *                            bound, checked with {@code probe})
 * @param readyByteAtPowerOn  whether the module sends one byte 0x55 when it has started (R503 manual, "Power-on
 *                            delay time")
 * @param settingsApplyAfterRestart whether SetSysPara takes effect only after a restart (R503 manual, "System
 *                            Configuration Parameters": "the system must be powered on again"); otherwise right
 *                            after the acknowledgement, which still goes out with the old settings
 * @param extraInstructions   instruction codes beyond the common set that the module answers (LED, handshake,
 *                            product information ...)
 * @param unsupportedAnswer   the confirmation code the module gives to an instruction it does not know
 */
public record SensorProfile(String id, String model, String source, int imageWidth, int imageHeight, int dpi,
                            List<Integer> baudFactors, int systemIdentifier, int librarySize,
                            Duration imageCaptureMax, Duration featureMax, Duration searchMax, Duration commandMax,
                            boolean readyByteAtPowerOn, boolean settingsApplyAfterRestart,
                            Set<Integer> extraInstructions, int unsupportedAnswer) {

    /** Baud rate unit: the line runs at 9600 × N baud (every manual of the family, SetSysPara parameter 4). */
    public static final int BAUD_UNIT = 9600;
    /** The baud factor every module of the family starts with: N = 6, 57,600 baud. */
    public static final int DEFAULT_BAUD_FACTOR = 6;

    /** Instruction 0x35 AuraLedConfig (R503 manual, "Aura control"). */
    public static final int AURA_LED_CONFIG = 0x35;
    /** Instruction 0x3C ReadProdInfo (R503 manual, "Read product information"). */
    public static final int READ_PRODUCT_INFO = 0x3C;
    /** Instruction 0x3D SoftRst (R503 manual, "Soft reset"). */
    public static final int SOFT_RESET = 0x3D;
    /** Instruction 0x40 HandShake (R503 manual, "HandShake"). */
    public static final int HAND_SHAKE = 0x40;

    /**
     * ZFM-20 (the Adafruit optical sensor; Synochip AS608 inside): 256 × 288 at 500 dpi, N = 1..12, image in under
     * a second. "ZFM-20 Series Fingerprint Identification Module User Manual", Hangzhou Zhian, Ver 2.0 (June 2010):
     * "Image acquiring time &lt; 1.0 s", "Average searching time &lt; 1.0 s", baud 9600 × N with N = 1..12, system
     * identifier 0x0009 (ReadSysPara table); 162 templates (Adafruit product 751).
     */
    public static final SensorProfile ZFM_20 = new SensorProfile("zfm-20", "ZFM-20 (AS608)",
            "ZFM-20 Series User Manual Ver 2.0 (2010): Main parameters; 4.1 Image buffer; ReadSysPara table",
            256, 288, 500, range(1, 12), 0x0009, 162, Duration.ofMillis(1000), Duration.ofMillis(1000),
            Duration.ofMillis(1000), Duration.ofMillis(300), false, false, Set.of(), 0x01);

    /**
     * R307 (Grow, optical): 256 × 288, N = 1..12, 1000 templates, image in under 0.3 s, search under 1.0 s.
     * "R307 Fingerprint Module User Manual", Hangzhou Grow, Ver 1.20 (Feb 2011), and its specification sheet.
     */
    public static final SensorProfile R307 = new SensorProfile("r307", "R307",
            "R307 User Manual Ver 1.20 (2011) and specification: image input < 0.3 s, search < 1.0 s, N = 1..12",
            256, 288, 500, range(1, 12), 0x0009, 1000, Duration.ofMillis(300), Duration.ofMillis(1000),
            Duration.ofMillis(1000), Duration.ofMillis(300), false, false, Set.of(), 0x01);

    /**
     * R305 (Grow, optical, the older batches): 256 × 288, but the baud factor only N = 1..6 (up to 57,600), 200
     * templates, image in under 0.5 s. R305 specification: "9600 × N bps where N = 1 ~ 6", "fingerprint image input
     * time &lt; 0.5 seconds", "storage capacity 200".
     */
    public static final SensorProfile R305 = new SensorProfile("r305", "R305 (N = 1..6 batches)",
            "R305 specification: image input < 0.5 s, search < 1.0 s, baud 9600 x N with N = 1..6, 200 templates",
            256, 288, 500, range(1, 6), 0x0009, 200, Duration.ofMillis(500), Duration.ofMillis(1000),
            Duration.ofMillis(1000), Duration.ofMillis(300), false, false, Set.of(), 0x01);

    /**
     * R503 (Grow, capacitive, round): 192 × 192 at 508 dpi; SetSysPara parameter 4 takes only N = 1, 2, 4, 6, 12;
     * image in under 0.2 s, features in under 0.5 s, 1:N at under 10 ms per template (200 templates: 2 s); system
     * identifier 0x0000; sends 0x55 when it has started; answers 0xFC to an unsupported command.
     * "R503 Fingerprint Module User Manual", Hangzhou Grow, Ver 1.2.2 (2022.10): Introduction; Power-on delay time;
     * ReadSysPara table; SetSysPara parameter table; confirmation code 0xFC.
     */
    public static final SensorProfile R503 = new SensorProfile("r503", "R503",
            "R503 User Manual Ver 1.2.2 (2022): Introduction; Power-on delay time; ReadSysPara and SetSysPara tables",
            192, 192, 508, List.of(1, 2, 4, 6, 12), 0x0000, 200, Duration.ofMillis(200), Duration.ofMillis(500),
            Duration.ofMillis(2000), Duration.ofMillis(300), true, true,
            Set.of(AURA_LED_CONFIG, READ_PRODUCT_INFO, SOFT_RESET, HAND_SHAKE), 0xFC);

    /** The profile used when none is configured: the ZFM-20, the module the kiosk was first built with. */
    public static final SensorProfile DEFAULT = ZFM_20;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a value is outside what the protocol allows
     */
    public SensorProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(imageCaptureMax, "imageCaptureMax");
        Objects.requireNonNull(featureMax, "featureMax");
        Objects.requireNonNull(searchMax, "searchMax");
        Objects.requireNonNull(commandMax, "commandMax");
        baudFactors = List.copyOf(baudFactors);
        extraInstructions = Set.copyOf(extraInstructions);
        if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("profile id must be lower-case letters, digits and '-': " + id);
        }
        if (imageWidth <= 0 || imageHeight <= 0 || imageWidth % 2 != 0 || dpi <= 0) {
            throw new IllegalArgumentException("image width must be even and positive, height and dpi positive");
        }
        if (baudFactors.isEmpty() || baudFactors.stream().anyMatch(n -> n < 1 || n > 12)
                || !baudFactors.equals(baudFactors.stream().sorted().distinct().toList())) {
            throw new IllegalArgumentException("baud factors must be ascending, distinct, 1..12: " + baudFactors);
        }
        if (!baudFactors.contains(DEFAULT_BAUD_FACTOR)) {
            throw new IllegalArgumentException("every module of the family starts at N = 6");
        }
        if (unsupportedAnswer < 0 || unsupportedAnswer > 0xFF) {
            throw new IllegalArgumentException("unsupported answer must be a byte");
        }
    }

    /**
     * Returns the tested models.
     *
     * @return the catalogue, the default first
     */
    public static List<SensorProfile> catalogue() {
        return List.of(ZFM_20, R307, R305, R503);
    }

    /**
     * Looks a profile up by its id.
     *
     * @param id e.g. {@code r503}; case does not matter
     * @return the profile, or empty if the catalogue has none of that id
     */
    public static Optional<SensorProfile> byId(String id) {
        Objects.requireNonNull(id, "id");
        String key = id.strip().toLowerCase(Locale.ROOT);
        return catalogue().stream().filter(profile -> profile.id.equals(key)).findFirst();
    }

    /**
     * Returns the ids of the catalogue, for messages.
     *
     * @return e.g. {@code [zfm-20, r307, r305, r503]}
     */
    public static List<String> ids() {
        return catalogue().stream().map(SensorProfile::id).toList();
    }

    /**
     * Returns the pixels of one image.
     *
     * @return width × height
     */
    public int imagePixels() {
        return imageWidth * imageHeight;
    }

    /**
     * Returns the bytes UpImage sends: four bits per pixel.
     *
     * @return width × height / 2
     */
    public int packedImageBytes() {
        return imagePixels() / 2;
    }

    /**
     * Returns the line speeds the module accepts, ascending.
     *
     * @return 9600 × N for each accepted N
     */
    public List<Integer> baudRates() {
        return baudFactors.stream().map(n -> n * BAUD_UNIT).toList();
    }

    /**
     * Returns whether the module runs at a line speed.
     *
     * @param baudRate a rate in baud
     * @return {@code true} if it is 9600 × N for an accepted N
     */
    public boolean acceptsBaudRate(int baudRate) {
        return baudRate % BAUD_UNIT == 0 && baudFactors.contains(baudRate / BAUD_UNIT);
    }

    /**
     * Returns the longest the module takes to start answering an instruction, from the manual.
     *
     * @param instructionCode the instruction byte
     * @return GenImg: {@link #imageCaptureMax}; Img2Tz, Match, RegModel: {@link #featureMax}; Search:
     *         {@link #searchMax}; anything else {@link #commandMax}
     */
    public Duration processingMax(int instructionCode) {
        return switch (instructionCode) {
            case 0x01 -> imageCaptureMax;
            case 0x02, 0x03, 0x05 -> featureMax;
            case 0x04 -> searchMax;
            default -> commandMax;
        };
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

    /** Returns id and model only. */
    @Override
    public String toString() {
        return "SensorProfile[" + id + ", " + model + ", " + imageWidth + "x" + imageHeight + "]";
    }
}
