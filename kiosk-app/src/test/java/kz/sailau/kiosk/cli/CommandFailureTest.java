package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** The one line a failed command prints for a file-system failure. */
class CommandFailureTest {

    /**
     * Session H45: {@code register build --out} on a full disk (a 64 KiB tmpfs) said {@code error [cli.error.io]:
     * file error: IO failure}, neither the disk nor the file: the JDK's {@code IOException} carries the system's
     * "No space left on device" only in its message.
     */
    @Test
    void aFullDiskIsSaidToBeFull() {
        assertEquals("error [cli.error.full]: the disk is full (no space left on device): free space and run the "
                + "command again", CommandFailure.of(new IOException(CommandFailure.NO_SPACE)).line());
        assertEquals("error [cli.error.full]: the disk is full (no space left on device) writing /media/usb/v2.srp: "
                + "free space and run the command again", CommandFailure.of(new FileSystemException(
                        "/media/usb/v2.srp", null, CommandFailure.NO_SPACE)).line());
    }

    @Test
    void anotherFileErrorKeepsItsKindAndPath() {
        assertEquals("error [cli.error.io]: file error on /media/usb/v2.srp: Input/output error",
                CommandFailure.of(new FileSystemException("/media/usb/v2.srp", null, "Input/output error")).line());
        assertEquals("error [cli.error.io]: file error: IO failure", CommandFailure.of(new IOException("x")).line());
    }
}
