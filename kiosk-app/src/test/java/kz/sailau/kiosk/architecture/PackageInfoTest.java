package kz.sailau.kiosk.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of the kiosk says in its {@code package-info.java} what it owns and what it may touch. */
class PackageInfoTest {

    private static final Path SOURCES = Path.of("src/main/java/kz/sailau/kiosk");

    @Test
    void everyPackageDescribesWhatItOwnsAndMayTouch() throws IOException {
        List<Path> packages;
        try (Stream<Path> directories = Files.walk(SOURCES)) {
            packages = directories.filter(Files::isDirectory).filter(PackageInfoTest::holdsClasses).toList();
        }
        assertTrue(packages.size() >= 20, "expected the kiosk's packages under " + SOURCES + ", found " + packages);
        for (Path directory : packages) {
            Path info = directory.resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), directory + " has no package-info.java");
            String text = Files.readString(info);
            assertTrue(text.startsWith("/**") && text.indexOf("*/") > 200,
                    info + " needs a sentence or two on what the package owns and may touch");
        }
    }

    private static boolean holdsClasses(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new AssertionError("cannot list " + directory, e);
        }
    }
}
