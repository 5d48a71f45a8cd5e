package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The raw-bytes secrecy check over a node's files: every voter blind index and token id the test used is looked
 * for in every file, as raw bytes and as lower-case hex (the end-of-day bundle's text); where they appear they must
 * appear in ascending order (the canonical snapshot, the bundle's sorted lines), never in the order they were
 * submitted, and the consensus log file must hold none of them at all (its one kept entry is the seal).
 */
final class RawBytes {

    private RawBytes() {
    }

    /** Asserts the secrecy property on every file under every directory. */
    static void assertNoOrderAndNoLink(List<Path> directories, List<byte[]> voters, List<byte[]> tokens)
            throws IOException {
        int files = 0;
        int found = 0;
        for (Path directory : directories) {
            for (Path file : files(directory)) {
                files++;
                byte[] bytes = Files.readAllBytes(file);
                List<byte[]> votersInFile = inFileOrder(bytes, voters);
                List<byte[]> tokensInFile = inFileOrder(bytes, tokens);
                List<byte[]> hexVotersInFile = inFileOrder(bytes, hex(voters));
                List<byte[]> hexTokensInFile = inFileOrder(bytes, hex(tokens));
                assertSorted(hexVotersInFile, file + ": blind indexes (hex) not in canonical order");
                assertSorted(hexTokensInFile, file + ": token ids (hex) not in canonical order");
                assertEquals(0, file.getFileName().toString().startsWith("entries")
                        ? hexVotersInFile.size() + hexTokensInFile.size() : 0, file + " holds hex ids");
                found += votersInFile.size() + tokensInFile.size() + hexVotersInFile.size() + hexTokensInFile.size();
                if (file.getFileName().toString().startsWith("entries")) {
                    assertEquals(0, votersInFile.size() + tokensInFile.size(),
                            file + " (the consensus log, " + bytes.length + " bytes) still holds check-ins or tokens "
                                    + "after the seal, first at offset " + firstOffset(bytes, voters, tokens));
                }
                assertSorted(votersInFile, file + ": blind indexes not in canonical order");
                assertSorted(tokensInFile, file + ": token ids not in canonical order");
            }
        }
        assertTrue(files > 0, "no files to check");
        assertTrue(found > 0, "positive control: the snapshot should hold the blind indexes and tokens");
    }

    private static int firstOffset(byte[] bytes, List<byte[]> voters, List<byte[]> tokens) {
        int first = Integer.MAX_VALUE;
        for (List<byte[]> needles : List.of(voters, tokens)) {
            for (byte[] needle : needles) {
                int at = indexOf(bytes, needle, 0);
                first = at >= 0 ? Math.min(first, at) : first;
            }
        }
        return first;
    }

    /** The needles that occur in {@code haystack}, in the order of their first occurrence. */
    static List<byte[]> inFileOrder(byte[] haystack, List<byte[]> needles) {
        record Hit(int at, byte[] needle) {
        }
        List<Hit> hits = new ArrayList<>();
        for (byte[] needle : needles) {
            int at = indexOf(haystack, needle, 0);
            if (at >= 0) {
                hits.add(new Hit(at, needle));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::at));
        return hits.stream().map(Hit::needle).toList();
    }

    private static void assertSorted(List<byte[]> inFileOrder, String message) {
        for (int i = 1; i < inFileOrder.size(); i++) {
            assertTrue(Arrays.compareUnsigned(inFileOrder.get(i - 1), inFileOrder.get(i)) < 0, message);
        }
    }

    /** The lower-case hex text of each needle, as ASCII bytes. */
    static List<byte[]> hex(List<byte[]> needles) {
        return needles.stream().map(n -> HexFormat.of().formatHex(n).getBytes(StandardCharsets.US_ASCII)).toList();
    }

    /** First index of {@code needle} in {@code haystack} from {@code from}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
