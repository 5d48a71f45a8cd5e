package kz.sailau.kiosk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The removable media mounted on the kiosk (USB sticks), where the administrator's file choices look: a list of
 * mount-point patterns, absolute paths whose components may hold {@code *} or {@code ?} (e.g.
 * {@code /media/*}{@code /*} for udisks on Debian, {@code /run/media/*}{@code /*}, {@code /media/*} for
 * usbmount). A matched directory that holds another matched directory (a per-user {@code /media/USER}) is not a
 * medium itself. Reading the file system blocks: call on a worker thread. Names only are read, never contents.
 */
public final class RemovableMedia {

    /** Where Debian's desktop-less automounters and udisks put removable media. */
    public static final List<String> STANDARD_MOUNT_POINTS = List.of("/media/*", "/media/*/*", "/run/media/*/*");

    /** How deep below a medium's root files are looked for (the root and two levels of folders). */
    static final int DEPTH = 3;
    /** At most this many files are offered, so that a full stick does not flood the list. */
    static final int MAX_FILES = 200;

    private final List<String> patterns;

    /**
     * @param patterns absolute mount-point patterns
     * @throws IllegalArgumentException when a pattern is not absolute
     */
    public RemovableMedia(List<String> patterns) {
        this.patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
        for (String pattern : this.patterns) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("mount-point pattern must be absolute: " + pattern);
            }
        }
    }

    /** The standard mount points ({@link #STANDARD_MOUNT_POINTS}). */
    public static RemovableMedia standard() {
        return new RemovableMedia(STANDARD_MOUNT_POINTS);
    }

    /** The patterns looked at. */
    public List<String> patterns() {
        return patterns;
    }

    /** The mounted media: directories matching a pattern and holding no other match, sorted. */
    public List<Path> media() {
        TreeSet<Path> matched = new TreeSet<>();
        for (String pattern : patterns) {
            matched.addAll(expand(pattern));
        }
        List<Path> media = new ArrayList<>();
        for (Path candidate : matched) {
            boolean parent = matched.stream().anyMatch(other -> !other.equals(candidate) && other.startsWith(candidate));
            if (!parent) {
                media.add(candidate);
            }
        }
        return media;
    }

    /**
     * The files on the media whose name ends with {@code extension} (case ignored), sorted by path, at most
     * {@link #MAX_FILES}; hidden files and folders are skipped.
     */
    public List<Path> files(String extension) {
        String suffix = extension.toLowerCase(Locale.ROOT);
        TreeSet<Path> found = new TreeSet<>();
        for (Path medium : media()) {
            try (Stream<Path> walk = Files.walk(medium, DEPTH)) {
                walk.filter(path -> !hidden(medium, path))
                        .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
                        .filter(Files::isRegularFile)
                        .forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                // A medium pulled out while it is read: offer what the others hold.
            }
        }
        return found.stream().limit(MAX_FILES).toList();
    }

    private static boolean hidden(Path medium, Path path) {
        for (Path part : medium.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> expand(String pattern) {
        List<Path> current = List.of(Path.of("/"));
        for (String component : pattern.substring(1).split("/")) {
            if (component.isEmpty()) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            boolean glob = component.contains("*") || component.contains("?");
            PathMatcher matcher = glob ? FileSystems.getDefault().getPathMatcher("glob:" + component) : null;
            for (Path directory : current) {
                if (!glob) {
                    Path child = directory.resolve(component);
                    if (Files.isDirectory(child)) {
                        next.add(child);
                    }
                    continue;
                }
                try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
                    for (Path child : children) {
                        if (!child.getFileName().toString().startsWith(".")
                                && matcher.matches(child.getFileName()) && Files.isDirectory(child)) {
                            next.add(child);
                        }
                    }
                } catch (IOException e) {
                    // Not readable (or gone): nothing mounted there for the kiosk.
                }
            }
            current = next;
        }
        return current;
    }
}
