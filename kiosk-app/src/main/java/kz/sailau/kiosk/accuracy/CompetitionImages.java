package kz.sailau.kiosk.accuracy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.biometric.FingerImageFiles;
import kz.sailau.kiosk.register.EnrolmentImages;
import kz.sailau.kiosk.register.RegisterException;

/**
 * A folder of prints in the layout of the fingerprint verification competitions (FVC2000-FVC2006):
 * {@code DIR/<set>/<finger>_<impression>.<png|tif|tiff|bmp>}, finger and impression numbers as decimal integers
 * (FVC's {@code 101_1.tif} … {@code 110_8.tif}). Each set is one sensor's data; its resolution comes from each image
 * or from {@code DIR/<set>/dpi} (one number), as in {@code register build}. Other files in a set folder (a
 * {@code dpi} file, notes) are ignored; an image file named otherwise is an error.
 */
public final class CompetitionImages {

    /** {@code <finger>_<impression>.<ext>}. */
    private static final Pattern IMAGE = Pattern.compile("([0-9]{1,6})_([0-9]{1,3})\\.([A-Za-z]{3,4})");

    private CompetitionImages() {
    }

    /**
     * One set: one sensor's prints.
     *
     * @param name    the folder name
     * @param toldDpi the resolution in the set's {@code dpi} file, if any
     * @param images  image files by finger number, then impression number
     */
    public record Set(String name, OptionalInt toldDpi, SortedMap<Integer, SortedMap<Integer, Path>> images) {

        /** Copies the maps. */
        public Set {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(toldDpi, "toldDpi");
            SortedMap<Integer, SortedMap<Integer, Path>> copy = new TreeMap<>();
            images.forEach((finger, impressions) -> copy.put(finger,
                    Collections.unmodifiableSortedMap(new TreeMap<>(impressions))));
            images = Collections.unmodifiableSortedMap(copy);
        }
    }

    /**
     * Reads the layout (file names only; no image is decoded here).
     *
     * @return the sets in folder-name order
     * @throws AccuracyException {@code accuracy.error.images} when the folder is missing or holds no set with two
     *                           fingers, {@code accuracy.error.layout} for a misnamed image file or one that is no
     *                           regular file, a set of an odd number of fingers or a link in the folder that leads
     *                           nowhere, {@code accuracy.error.dpi} for a {@code dpi} file that is not a number
     */
    public static List<Set> read(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new AccuracyException("accuracy.error.images", "--images is not a folder: " + directory);
        }
        List<Path> folders = new ArrayList<>();
        for (Path entry : sortedEntries(directory)) {
            if (entry.getFileName().toString().startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                folders.add(entry);
            } else if (!Files.exists(entry)) {
                // A link that leads nowhere (or to itself) may be a set that went missing: never passed over.
                throw new AccuracyException("accuracy.error.layout", "--images entry "
                        + entry.getFileName() + " is a symbolic link that leads to nothing (broken, or a loop): "
                        + "remove it or point it at a set folder");
            }
        }
        List<Set> sets = new ArrayList<>();
        for (Path folder : folders) {
            Set set = readSet(folder);
            if (!set.images().isEmpty()) {
                sets.add(set);
            }
        }
        if (sets.stream().noneMatch(s -> s.images().size() >= 2)) {
            throw new AccuracyException("accuracy.error.images", "no set folder under " + directory
                    + " holds images of two fingers named <finger>_<impression>.<png|tif|tiff|bmp>");
        }
        return List.copyOf(sets);
    }

    private static Set readSet(Path folder) {
        String name = folder.getFileName().toString();
        if (name.chars().anyMatch(Character::isISOControl)) {
            // The name heads a line of the printout and a column of voters.tsv: a newline or tab would break both.
            throw new AccuracyException("accuracy.error.layout", "a set folder name holds a control character "
                    + "(newline, tab ...): rename it");
        }
        SortedMap<Integer, SortedMap<Integer, Path>> images = new TreeMap<>();
        for (Path file : sortedEntries(folder)) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(".")) {
                continue;
            }
            int dot = fileName.lastIndexOf('.');
            String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (!FingerImageFiles.EXTENSIONS.contains(extension)) {
                continue; // the dpi file, notes, a manifest
            }
            if (!Files.isRegularFile(file)) {
                // Never opened (a FIFO would hang the run); an image left out silently would change the voters.
                throw new AccuracyException("accuracy.error.layout", "set " + name + ": image " + fileName
                        + " is not a regular file (a folder, a FIFO, a device or a broken link in its place)");
            }
            Matcher m = IMAGE.matcher(fileName);
            if (!m.matches()) {
                throw new AccuracyException("accuracy.error.layout", "set " + name + ": image " + fileName
                        + " is not named <finger>_<impression>." + extension);
            }
            int finger = Integer.parseInt(m.group(1));
            int impression = Integer.parseInt(m.group(2));
            Path previous = images.computeIfAbsent(finger, f -> new TreeMap<>()).putIfAbsent(impression, file);
            if (previous != null) {
                throw new AccuracyException("accuracy.error.layout", "set " + name + ": finger " + finger
                        + " impression " + impression + " is given by two files");
            }
        }
        OptionalInt dpi;
        try {
            dpi = EnrolmentImages.readDpiFile(folder.resolve(EnrolmentImages.DPI_FILE));
        } catch (RegisterException e) {
            throw new AccuracyException("accuracy.error.dpi", "set " + name + ": " + e.getMessage());
        }
        if (images.size() % 2 != 0) {
            // Consecutive fingers make a voter: an odd last finger would be left out of the measurement unsaid.
            throw new AccuracyException("accuracy.error.layout", "set " + name + " holds " + images.size()
                    + " finger(s), finger " + images.lastKey() + " without a partner; each voter takes two fingers "
                    + "(right and left index), so a set needs an even number: add its partner or remove it");
        }
        return new Set(name, dpi, images);
    }

    private static List<Path> sortedEntries(Path folder) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new AccuracyException("accuracy.error.images", "cannot list " + folder);
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }
}
