package kz.sailau.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed seed corpus of a Jazzer fuzz test ({@code <package>/<Class>Inputs/<method>/} under the test
 * resources), so that a fuzz test can also assert that its {@code valid-*} seeds are accepted: the seeds then
 * provably reach the parser's success path, not only its first refusal.
 */
public final class FuzzSeeds {

    private FuzzSeeds() {
    }

    /**
     * The seeds whose file name starts with {@code valid-}.
     *
     * @throws AssertionError when the directory is missing or holds no valid seed
     */
    public static List<byte[]> valid(Class<?> fuzzTest, String method) {
        String resource = fuzzTest.getSimpleName() + "Inputs/" + method;
        URL url = fuzzTest.getResource(resource);
        if (url == null) {
            throw new AssertionError("seed corpus missing: " + resource);
        }
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path file : files.sorted().toList()) {
                if (file.getFileName().toString().startsWith("valid-")) {
                    seeds.add(Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (seeds.isEmpty()) {
            throw new AssertionError("no valid-* seed in " + resource);
        }
        return seeds;
    }
}
