package kz.sailau.kiosk.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Durable file replacement: write to a temporary sibling, fsync, rename over the target, fsync the directory. */
public final class SecureFiles {

    private SecureFiles() {
    }

    /**
     * Writes {@code content} to {@code target} so that after a crash the target holds either the old or the
     * new content, never a mix.
     *
     * @throws IOException on a file error (the target is then unchanged and no temporary file is left)
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path staged = stage(target, content);
        try {
            publish(staged, target);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * The first half of {@link #writeAtomically}: writes {@code content} to a temporary sibling of {@code target}
     * ({@code target.tmp}) and fsyncs it, leaving {@code target} untouched, so that a caller can make a database
     * change durable between writing a file and putting it in place.
     *
     * @return the temporary file, for {@link #publish}
     * @throws IOException on a file error (a temporary file it wrote is then removed)
     */
    public static Path stage(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            try {
                if (Files.isRegularFile(temporary)) {
                    Files.delete(temporary);
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return temporary;
    }

    /** The second half of {@link #writeAtomically}: renames a {@link #stage staged} file over its target. */
    public static void publish(Path staged, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        try {
            Files.move(staged, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel directory = FileChannel.open(absolute.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for sync; the rename itself is still atomic.
        }
    }
}
