package kz.sailau.kiosk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces a file so that it holds either the old or the new content, never a mix, even after a crash: the new
 * content goes to a uniquely named temporary file beside the target, is forced to disk, checked, then moved over
 * the target with an atomic rename, and the directory is forced. A file system that cannot rename atomically is
 * refused rather than given a plain move. On any failure the temporary file is deleted and the target is
 * untouched. The old file's POSIX permissions are kept. The kiosk's one way to write a file durably (keys,
 * certificates, register packages, the end-of-day bundle, the configuration).
 */
public final class AtomicFileReplacement {

    /** Writes the content into the open temporary file; a seam for tests that fail in the middle. */
    @FunctionalInterface
    public interface ContentWriter {
        /** Writes all of {@code content} to {@code channel}. */
        void write(FileChannel channel, ByteBuffer content) throws IOException;
    }

    /** Checks the written temporary file before it replaces the target (e.g. parses it back). */
    @FunctionalInterface
    public interface Check {
        /** @throws IOException when the file must not be installed */
        void accept(Path written) throws IOException;
    }

    /** Writes the whole buffer. */
    public static final ContentWriter WHOLE = (channel, content) -> {
        while (content.hasRemaining()) {
            channel.write(content);
        }
    };

    private AtomicFileReplacement() {
    }

    /**
     * Creates or replaces {@code target} with {@code content}.
     *
     * @throws IOException on any failure; the target then still holds its old content (or is still absent)
     */
    public static void write(Path target, byte[] content) throws IOException {
        replace(target, content, WHOLE, written -> { });
    }

    /**
     * Replaces {@code target} with {@code content}.
     *
     * @param target  the file to create or replace
     * @param content the new content
     * @param writer  how the bytes are written ({@link #WHOLE})
     * @param check   run on the complete temporary file before the rename
     * @throws IOException on any failure; the target then still holds its old content (or is still absent)
     */
    public static void replace(Path target, byte[] content, ContentWriter writer, Check check) throws IOException {
        Path staged = stage(target, content, writer);
        try {
            check.accept(staged);
            publish(staged, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
    }

    /**
     * The first half of {@link #write}: writes {@code content} to a new temporary file beside {@code target} and
     * forces it to disk, leaving {@code target} untouched, so that a caller can make a database change durable
     * between writing a file and putting it in place (the end-of-day bundle).
     *
     * @return the temporary file, for {@link #publish} (the caller deletes it if it does not publish it)
     * @throws IOException on a file error; no temporary file is then left
     */
    public static Path stage(Path target, byte[] content) throws IOException {
        return stage(target, content, WHOLE);
    }

    private static Path stage(Path target, byte[] content, ContentWriter writer) throws IOException {
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(absolute + " is a directory, not a file that can be replaced");
        }
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        boolean written = false;
        try {
            keepPermissions(absolute, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(channel, ByteBuffer.wrap(content));
                channel.force(true);
            }
            written = true;
            return temporary;
        } finally {
            if (!written) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Creates {@code target} with {@code content} only if no file of that name exists, decided atomically by the file
     * system: the content is staged and forced as for {@link #write}, then hard-linked under the target's name
     * ({@code link(2)} fails when the name exists, so of two runs at once exactly one creates the file), the staged
     * name removed and the directory forced. For a key that must never be replaced: a check for the file before the
     * write leaves a window in which a second run passes the same check.
     *
     * @throws FileAlreadyExistsException when the target exists; nothing is then changed
     * @throws IOException on any other failure, including a file system without hard links; the target is then absent
     */
    public static void create(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path staged = stage(absolute, content, WHOLE);
        try {
            Files.createLink(absolute, staged);
        } catch (UnsupportedOperationException e) {
            throw new IOException("the file system cannot link files in " + absolute.getParent(), e);
        } finally {
            Files.deleteIfExists(staged);
        }
        forceDirectory(absolute.getParent());
    }

    /**
     * Deletes the temporary files that earlier writes of {@code target} staged beside it and never published or
     * deleted: a process killed between {@link #stage} and {@link #publish} (a power loss) leaves them, named as
     * {@link #stage} names them ({@code .NAME.<digits>.tmp}), and nothing else ever removes them. For a caller whose
     * writes of {@code target} cannot overlap (the end-of-day bundle, staged under the database's write lock): a
     * write of the same target running at the same moment would lose its staged file.
     *
     * @return how many were deleted
     * @throws IOException when the directory cannot be read or a leftover cannot be deleted
     */
    public static int discardLeftovers(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Pattern leftover = Pattern.compile("\\." + Pattern.quote(absolute.getFileName().toString()) + "\\.[0-9]+\\.tmp");
        int deleted = 0;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(absolute.getParent())) {
            for (Path sibling : siblings) {
                if (leftover.matcher(sibling.getFileName().toString()).matches()
                        && Files.isRegularFile(sibling, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(sibling)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * The second half of {@link #write}: renames a {@link #stage staged} file over {@code target} atomically and
     * forces the directory.
     *
     * @throws IOException when the rename fails or is not atomic; the target is then unchanged
     */
    public static void publish(Path staged, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        try {
            Files.move(staged, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically in " + directory, e);
        }
        forceDirectory(directory);
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel parent = FileChannel.open(directory, StandardOpenOption.READ)) {
            parent.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for sync; the rename or link itself is still atomic.
        }
    }

    private static void keepPermissions(Path target, Path temporary) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null || !Files.exists(target)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        view.setPermissions(permissions);
    }
}
