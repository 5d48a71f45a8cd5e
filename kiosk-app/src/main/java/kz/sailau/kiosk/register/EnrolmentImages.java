package kz.sailau.kiosk.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerImageFiles;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * The enrolment images of a prints directory: {@code <prints>/<voter_key>/<finger>_enrol[_<k>].<png|tif|tiff|bmp>},
 * one file per enrolment impression ({@code <finger>_enrol} is impression 1, {@code _enrol_2} … {@code _enrol_4}
 * the others), {@code <finger>} one of the ten {@link FingerPosition#fileName()}s. Every voter needs both index
 * fingers; other fingers are optional.
 *
 * <p>Resolution: what the image file states (PNG {@code pHYs}, TIFF or BMP resolution), or what the authority
 * states for it, most specific first: the row's {@code dpi} column, then a file {@code <prints>/<voter_key>/dpi},
 * then {@code <prints>/dpi}, each holding one number. An image whose resolution is known from neither is refused,
 * and so is one whose stated resolution disagrees with the authority's (see
 * {@link FingerImageFiles#resolve}). Images are brought to the sensor's 500 dpi before extraction
 * ({@link Loaded#atSensorResolution()}), the same way the accuracy command brings live images to it.
 */
public final class EnrolmentImages {

    /** The sensor's resolution, to which every enrolment image is brought before extraction. */
    public static final int DPI = FingerImage.SENSOR_DPI;
    /** Name of a file holding the resolution of the images beside it. */
    public static final String DPI_FILE = "dpi";
    /** Upper bound of one image file. */
    static final long MAX_IMAGE_BYTES = FingerImageFiles.MAX_FILE_BYTES;
    /** {@code <finger>_enrol}, optionally {@code _<k>}, then an extension. */
    private static final Pattern ENROLMENT_FILE =
            Pattern.compile("([a-z]+_[a-z]+)_enrol(?:_([0-9]{1,2}))?\\.([A-Za-z]{3,4})");

    private final Path directory;
    private OptionalInt directoryDpi;

    /** @param directory the prints directory */
    public EnrolmentImages(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * One enrolment image file of a voter.
     *
     * @param position   the finger
     * @param impression the impression number, 1..{@link EnrolledFinger#MAX_IMPRESSIONS}
     * @param path       the file
     */
    public record ImageFile(FingerPosition position, int impression, Path path) {

        /** The name problems and errors about this image are reported under: {@code right_index}, {@code right_index#2}. */
        public String field() {
            return field(position, impression);
        }

        static String field(FingerPosition position, int impression) {
            return EnrolledFinger.key(position, impression);
        }
    }

    /**
     * A voter's enrolment images, or what is wrong with them.
     *
     * @param files    the images found, by finger and impression
     * @param problems field and reason of every naming problem and missing required finger
     */
    public record Listing(List<ImageFile> files, List<Problem> problems) {
    }

    /** @param field the finger or file concerned @param reason the reason, never a file's content */
    public record Problem(String field, String reason) {
    }

    /** The path of a voter's first enrolment PNG for one finger (the name sample-prints writes). */
    public Path path(String voterKey, FingerPosition position) {
        return directory.resolve(voterKey).resolve(position.fileName() + "_enrol.png");
    }

    /**
     * Lists a voter's enrolment images: every file named like an enrolment image is one (a misnamed one, an
     * impression given twice or out of range, is a problem), and both index fingers must be there.
     */
    public Listing list(String voterKey) {
        Path folder = directory.resolve(voterKey);
        List<Problem> problems = new ArrayList<>();
        Map<String, ImageFile> found = new HashMap<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                List<Path> sorted = new ArrayList<>();
                entries.forEach(sorted::add);
                sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
                for (Path entry : sorted) {
                    classify(entry, found, problems);
                }
            } catch (IOException e) {
                problems.add(new Problem("-", "prints folder cannot be listed"));
            }
        }
        for (FingerPosition required : FingerPosition.INDEX_FINGERS) {
            if (!found.containsKey(ImageFile.field(required, 1))) {
                problems.add(new Problem(required.fileName(), found.keySet().stream().anyMatch(
                        k -> k.startsWith(required.fileName() + "#")) ? "first enrolment image (" + required.fileName()
                        + "_enrol) is missing" : "enrolment image is missing"));
            }
        }
        for (ImageFile file : found.values()) {
            if (file.impression() > 1 && !found.containsKey(ImageFile.field(file.position(), file.impression() - 1))) {
                problems.add(new Problem(file.field(), "impression " + (file.impression() - 1) + " is missing"));
            }
        }
        List<ImageFile> files = new ArrayList<>(found.values());
        files.sort(Comparator.comparing(ImageFile::position).thenComparingInt(ImageFile::impression));
        problems.sort(Comparator.comparing(Problem::field).thenComparing(Problem::reason));
        return new Listing(List.copyOf(files), List.copyOf(problems));
    }

    private static void classify(Path entry, Map<String, ImageFile> found, List<Problem> problems) {
        String name = entry.getFileName().toString();
        if (!name.contains("_enrol")) {
            return; // live images, the dpi file, anything else of the authority's
        }
        Matcher m = ENROLMENT_FILE.matcher(name);
        if (!m.matches() || !FingerImageFiles.EXTENSIONS.contains(m.group(3).toLowerCase(Locale.ROOT))) {
            problems.add(new Problem("-", "file name is not <finger>_enrol[_<k>].<png|tif|tiff|bmp>"));
            return;
        }
        FingerPosition position;
        try {
            position = FingerPosition.fromFileName(m.group(1));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("-", "unknown finger in an enrolment file name"));
            return;
        }
        int impression = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (impression < 1 || impression > EnrolledFinger.MAX_IMPRESSIONS) {
            problems.add(new Problem(position.fileName(), "impression must be 1.." + EnrolledFinger.MAX_IMPRESSIONS));
            return;
        }
        ImageFile file = new ImageFile(position, impression, entry);
        if (found.putIfAbsent(file.field(), file) != null) {
            problems.add(new Problem(file.field(), "impression " + impression + " is given by two files"));
        }
    }

    /**
     * The resolution the authority states for a voter's images without a row value: {@code <prints>/<voter_key>/dpi},
     * else {@code <prints>/dpi}, else nothing.
     *
     * @throws RegisterException {@code register.error.dpiFile} when such a file exists but holds no plausible number
     */
    public OptionalInt toldDpi(String voterKey) {
        OptionalInt voter = readDpiFile(directory.resolve(voterKey).resolve(DPI_FILE));
        if (voter.isPresent()) {
            return voter;
        }
        synchronized (this) {
            if (directoryDpi == null) {
                directoryDpi = readDpiFile(directory.resolve(DPI_FILE));
            }
            return directoryDpi;
        }
    }

    /**
     * Reads a {@code dpi} file: one number of dots per inch.
     *
     * @return empty when there is no such file
     * @throws RegisterException {@code register.error.dpiFile} when it cannot be read, is not a regular file (a FIFO,
     *                           a folder or a device named {@code dpi} is refused without being opened: a FIFO
     *                           would block the reader) or holds no number in
     *                           {@value FingerImageFiles#MIN_PLAUSIBLE_DPI}..{@value FingerImageFiles#MAX_DPI}
     */
    public static OptionalInt readDpiFile(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return OptionalInt.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new RegisterException("register.error.dpiFile", "dpi is not a regular file (a folder, a FIFO, a "
                    + "device or a broken link in its place): write the resolution into a file named dpi", null);
        }
        try {
            if (Files.size(file) > 64) {
                throw new RegisterException("register.error.dpiFile", "dpi file is longer than one number", null);
            }
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b < 0) {
                    // Decoding as ASCII would fail as "cannot be read", which sends the reader to the permissions.
                    throw new RegisterException("register.error.dpiFile", "dpi file holds a character that is not "
                            + "ASCII (a byte order mark, non-Latin or full-width digits): write the number in the "
                            + "digits 0-9", null);
                }
            }
            OptionalInt dpi = FingerImageFiles.parseDpi(new String(bytes, StandardCharsets.US_ASCII));
            if (dpi.isEmpty()) {
                throw new RegisterException("register.error.dpiFile", "dpi file must hold one number from "
                        + FingerImageFiles.MIN_PLAUSIBLE_DPI + " to " + FingerImageFiles.MAX_DPI, null);
            }
            return dpi;
        } catch (IOException | UncheckedIOException e) {
            throw new RegisterException("register.error.dpiFile", "dpi file cannot be read", e);
        }
    }

    /**
     * An image file's bytes and decoded pixels at the resolution it was scanned with.
     *
     * @param bytes the file
     * @param image the decoded image at its own resolution
     */
    public record Loaded(byte[] bytes, FingerImage image) {

        /** The image at the sensor's 500 dpi, as templates are extracted from it. */
        public FingerImage atSensorResolution() {
            return image.atResolution(DPI);
        }

        @Override
        public String toString() {
            return "Loaded[" + image + "]";
        }
    }

    /**
     * Reads and decodes one enrolment image and settles its resolution.
     *
     * @param file the image
     * @param told the resolution the authority states for it, if any
     * @throws RegisterException {@code register.error.imageMissing}, {@code register.error.imageUnreadable},
     *                           {@code register.error.imageResolutionUnknown} or
     *                           {@code register.error.imageResolutionConflict}
     */
    public static Loaded load(ImageFile file, OptionalInt told) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(told, "told");
        return load(file.path(), told);
    }

    /**
     * Reads and decodes one image file of any layout and settles its resolution (also used by the accuracy
     * command for competition images).
     *
     * @throws RegisterException as {@link #load(ImageFile, OptionalInt)}
     */
    public static Loaded load(Path path, OptionalInt told) {
        if (!Files.isRegularFile(path)) {
            throw new RegisterException("register.error.imageMissing", "enrolment image is missing", null);
        }
        FingerImageFiles.Decoded decoded;
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_IMAGE_BYTES) {
                throw new RegisterException("register.error.imageUnreadable", "image file is larger than "
                        + MAX_IMAGE_BYTES + " bytes", null);
            }
            bytes = Files.readAllBytes(path);
            decoded = FingerImageFiles.decode(bytes);
        } catch (IOException e) {
            // The decoder's reason is its own sentence (empty, no image, another format, a size out of range, damaged
            // or truncated); a read error's message is the operating system's.
            throw new RegisterException("register.error.imageUnreadable",
                    "image cannot be decoded as PNG, TIFF or BMP: " + e.getMessage(), null);
        }
        FingerImageFiles.Resolution resolution = FingerImageFiles.resolve(decoded.statedDpi(), told);
        if (resolution instanceof FingerImageFiles.Resolution.Known known) {
            return new Loaded(bytes, decoded.at(known.dpi()));
        } else if (resolution instanceof FingerImageFiles.Resolution.Conflict conflict) {
            throw new RegisterException("register.error.imageResolutionConflict", "the image states "
                    + conflict.stated() + " dpi but " + conflict.told() + " dpi is given for it", null);
        }
        throw new RegisterException("register.error.imageResolutionUnknown", "the image states no resolution; "
                + "give it in the row's dpi column or a dpi file beside it", null);
    }
}
