package kz.sailau.kiosk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's one durable file replacement: all or nothing, no temporary file left, permissions kept. */
class AtomicFileReplacementTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesKeepingThePermissions() throws IOException {
        Path file = dir.resolve("token-signing.key");
        AtomicFileReplacement.write(file, bytes("first"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        AtomicFileReplacement.write(file, bytes("second"));
        assertArrayEquals(bytes("second"), Files.readAllBytes(file));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(List.of(file), files(), "no temporary file is left");
    }

    @Test
    void aWriteFailingHalfwayLeavesTheOldContent() throws IOException {
        Path file = dir.resolve("kiosk.json");
        AtomicFileReplacement.write(file, bytes("old"));
        AtomicFileReplacement.ContentWriter halfThenFail = (channel, content) -> {
            content.limit(content.capacity() / 2);
            channel.write(content);
            throw new IOException("disk full (test)");
        };
        assertThrows(IOException.class, () -> AtomicFileReplacement.replace(file, bytes("new content"), halfThenFail,
                written -> { }));
        assertArrayEquals(bytes("old"), Files.readAllBytes(file));
        assertEquals(List.of(file), files(), "the temporary file is deleted");
    }

    @Test
    void aRefusedCheckInstallsNothing() throws IOException {
        Path file = dir.resolve("absent.json");
        assertThrows(IOException.class, () -> AtomicFileReplacement.replace(file, bytes("{"),
                AtomicFileReplacement.WHOLE, written -> {
                    throw new IOException("does not parse (test)");
                }));
        assertFalse(Files.exists(file));
        assertEquals(List.of(), files());
    }

    @Test
    void aStagedFileReplacesTheTargetOnlyWhenPublished() throws IOException {
        Path file = dir.resolve("day.json");
        AtomicFileReplacement.write(file, bytes("old"));
        Path staged = AtomicFileReplacement.stage(file, bytes("new"));
        assertArrayEquals(bytes("old"), Files.readAllBytes(file), "staging leaves the target as it was");
        assertEquals(2, files().size());
        AtomicFileReplacement.publish(staged, file);
        assertArrayEquals(bytes("new"), Files.readAllBytes(file));
        assertEquals(List.of(file), files());
    }

    /** Session H69: a close killed between stage and publish left its staged files on the stick for good. */
    @Test
    void leftoversOfAKilledWriteGoAndOnlyThose() throws IOException {
        Path target = dir.resolve("day.json");
        Path leftover = AtomicFileReplacement.stage(target, "killed before publish".getBytes(StandardCharsets.UTF_8));
        Path otherTarget = AtomicFileReplacement.stage(dir.resolve("day.json.p7s"), new byte[] {1});
        Path ownFile = Files.writeString(dir.resolve(".day.json.notes.tmp"), "not staged by a write");
        Files.writeString(target, "the bundle");

        assertEquals(1, AtomicFileReplacement.discardLeftovers(target));

        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(otherTarget), "another target's staged file stays");
        assertTrue(Files.exists(ownFile), "a file not named as a staged one stays");
        assertEquals("the bundle", Files.readString(target));
        assertEquals(0, AtomicFileReplacement.discardLeftovers(target));
    }

    @Test
    void aDirectoryIsNeverReplaced() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("day.json.p7s"));
        IOException refused = assertThrows(IOException.class, () -> AtomicFileReplacement.stage(directory,
                bytes("signature")));
        assertTrue(refused.getMessage().contains("is a directory"), refused.getMessage());
        assertEquals(List.of(directory), files(), "nothing staged is left");
    }

    /**
     * Session H45: {@code kiosk init} and {@code authority init} checked for the key file and then renamed theirs over
     * it, so two runs at once both "created" keys, and the kiosk kept one run's sealed keys with the other's request.
     * {@code create} decides by the file system: a file that exists is never replaced.
     */
    @Test
    void createWritesANewFileAndNeverReplacesOne() throws IOException {
        Path file = dir.resolve("kiosk-keys.sealed");
        AtomicFileReplacement.create(file, bytes("first run"));
        assertArrayEquals(bytes("first run"), Files.readAllBytes(file));
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFileReplacement.create(file, bytes("second run")));
        assertArrayEquals(bytes("first run"), Files.readAllBytes(file), "the first run's file is kept");
        assertEquals(List.of(file), files(), "nothing staged is left");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.sorted().toList();
        }
    }
}
