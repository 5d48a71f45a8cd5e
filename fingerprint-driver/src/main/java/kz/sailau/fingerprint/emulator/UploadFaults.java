package kz.sailau.fingerprint.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The queue of {@link Fault}s that spoil image uploads, and what each does to an upload's bytes. Pure; the
 * {@link ScannerEmulator} shell sends the result and carries out stalls and unplugs.
 */
final class UploadFaults {

    /** How one upload goes out. */
    record Plan(byte[] bytes, int sendBytes, Fault fault) {
        boolean stalls() {
            return fault instanceof Fault.Stall;
        }

        boolean disconnects() {
            return fault instanceof Fault.Disconnect;
        }
    }

    private final Deque<Fault> queue = new ArrayDeque<>();

    synchronized void add(Fault fault) {
        queue.add(fault);
    }

    /**
     * Takes the next fault (a checksum fault for several uploads is used up one upload at a time) and applies it.
     *
     * @param frames the upload's frames: the acknowledgement, then the data packets
     * @return the bytes to send, how many of them, and the fault applied (or {@code null})
     */
    synchronized Plan next(List<byte[]> frames) {
        Fault fault = queue.peekFirst();
        if (fault instanceof Fault.CorruptChecksum corrupt && corrupt.uploads() > 1) {
            queue.removeFirst();
            queue.addFirst(new Fault.CorruptChecksum(corrupt.uploads() - 1));
        } else if (fault != null) {
            queue.removeFirst();
        }
        int spoiled = 1 + (frames.size() - 1) / 2;
        int length = frames.stream().mapToInt(frame -> frame.length).sum();
        byte[] bytes = new byte[length];
        int offset = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            System.arraycopy(frame, 0, bytes, offset, frame.length);
            offset += frame.length;
            if (i == spoiled && fault instanceof Fault.CorruptChecksum) {
                bytes[offset - 1] ^= 0x5A;
            }
        }
        if (fault instanceof Fault.DropBytes drop) {
            int from = bytes.length / 2;
            int to = Math.min(bytes.length, from + drop.bytes());
            byte[] shorter = new byte[bytes.length - (to - from)];
            System.arraycopy(bytes, 0, shorter, 0, from);
            System.arraycopy(bytes, to, shorter, from, bytes.length - to);
            return new Plan(shorter, shorter.length, fault);
        }
        if (fault instanceof Fault.Stall stall) {
            return new Plan(bytes, Math.min(stall.afterBytes(), bytes.length), fault);
        }
        if (fault instanceof Fault.Disconnect disconnect) {
            return new Plan(bytes, Math.min(disconnect.afterBytes(), bytes.length), fault);
        }
        return new Plan(bytes, bytes.length, fault);
    }
}
