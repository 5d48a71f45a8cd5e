package kz.sailau.fingerprint.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pseudo-terminal through jSerialComm, the way every serial driver of the kiosk uses it. */
class PseudoTerminalIT {

    private static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static SerialPort openPort(Path path) {
        SerialPort port = SerialPort.getCommPort(path.toString());
        port.setComPortParameters(57_600, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        assertTrue(port.openPort(), "jSerialComm opens " + path);
        return port;
    }

    private static byte[] readFully(SerialPort port, int length) {
        byte[] buffer = new byte[length];
        int done = 0;
        for (int tries = 0; done < length && tries < 50; tries++) {
            byte[] chunk = new byte[length - done];
            int count = port.readBytes(chunk, chunk.length);
            assertTrue(count >= 0, "line alive");
            System.arraycopy(chunk, 0, buffer, done, count);
            done += count;
        }
        assertEquals(length, done);
        return buffer;
    }

    @Test
    void everyByteValuePassesBothWaysEvenWhenWrittenBeforeTheSlaveIsOpened() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            assertTrue(pty.slavePath().toString().startsWith("/dev/pts/"), pty.slavePath().toString());
            pty.output().write(allByteValues());
            SerialPort port = openPort(pty.slavePath());
            try {
                assertArrayEquals(allByteValues(), readFully(port, 256), "master to slave, raw");
                assertEquals(256, port.writeBytes(allByteValues(), 256));
                byte[] received = new byte[256];
                int done = 0;
                while (done < 256) {
                    int count = pty.read(received, done, 256 - done, 2_000);
                    assertTrue(count > 0, "slave to master");
                    done += count;
                }
                assertArrayEquals(allByteValues(), received, "slave to master, raw");
            } finally {
                port.closePort();
            }
        }
    }

    @Test
    void aSymbolicLinkLeadsJSerialCommToTheSlaveAndCloseRemovesIt(@TempDir Path folder) throws Exception {
        Path link = folder.resolve("sailau-scanner");
        try (PseudoTerminal pty = PseudoTerminal.open(link)) {
            assertEquals(pty.slavePath(), Files.readSymbolicLink(link));
            assertEquals(link, pty.devicePath());
            SerialPort port = openPort(link);
            try {
                pty.output().write(new byte[] {0x11, 0x13});
                assertArrayEquals(new byte[] {0x11, 0x13}, readFully(port, 2));
            } finally {
                port.closePort();
            }
        }
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS), "unplugged device has no path");
    }

    @Test
    void replugPointsTheSameLinkAtANewTerminal(@TempDir Path folder) throws Exception {
        Path link = folder.resolve("device");
        Path first;
        try (PseudoTerminal pty = PseudoTerminal.open(link)) {
            first = pty.slavePath();
        }
        try (PseudoTerminal pty = PseudoTerminal.open(link); PseudoTerminal other = PseudoTerminal.open()) {
            assertEquals(pty.slavePath(), Files.readSymbolicLink(link));
            assertNotEquals(pty.slavePath(), other.slavePath());
            assertTrue(first.toString().startsWith("/dev/pts/"));
        }
    }

    @Test
    void closingTheMasterEndsTheSlaveSideAndBlockedMasterReads() throws Exception {
        PseudoTerminal pty = PseudoTerminal.open();
        SerialPort port = openPort(pty.slavePath());
        try {
            CompletableFuture<Integer> blockedRead = CompletableFuture.supplyAsync(() -> {
                try {
                    return pty.input().read(new byte[10]);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            pty.close();
            assertEquals(-1, blockedRead.get(5, TimeUnit.SECONDS), "master reader sees end of stream");
            int result = 0;
            for (int i = 0; i < 20 && result == 0; i++) {
                result = port.readBytes(new byte[10], 10);
            }
            assertEquals(-1, result, "jSerialComm reports the dead line as -1");
            assertThrows(IOException.class, () -> pty.output().write(1));
        } finally {
            port.closePort();
        }
    }

    @Test
    void readsWaitWhileNoProgramHoldsTheSlave() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            assertEquals(0, pty.read(new byte[4], 0, 4, 100), "times out quietly, no spin, no error");
            SerialPort port = openPort(pty.slavePath());
            port.writeBytes(new byte[] {7}, 1);
            port.closePort();
            byte[] one = new byte[1];
            assertEquals(1, pty.read(one, 0, 1, 2_000));
            assertEquals(7, one[0]);
            assertEquals(0, pty.read(one, 0, 1, 100), "slave closed again: still no error");
        }
    }
}
