package kz.sailau.fingerprint.emulator;

import java.util.List;
import java.util.Objects;

/**
 * What the {@link EmulatedSensor} sends back for one command: the frames in order (an acknowledge packet, then for
 * an upload the data packets), which instruction it answers (so the shell can wait the time that instruction takes
 * on the module) and at which line speed the bytes go out.
 *
 * @param instruction   the instruction code answered, or -1 for bytes the module sends on its own (the 0x55 after
 *                      a restart) or for a packet it could not read
 * @param frames        the encoded frames, each sent whole
 * @param imageUpload   whether this is UpImage's answer (the shell's transfer faults apply to those only)
 * @param baudRate      the line speed the bytes go out at: the old speed even when the command changed it
 */
public record SensorReply(int instruction, List<byte[]> frames, boolean imageUpload, int baudRate) {

    /** Copies the frame list (the frames themselves are not copied: the sensor made them for this reply only). */
    public SensorReply {
        Objects.requireNonNull(frames, "frames");
        frames = List.copyOf(frames);
    }

    /**
     * Returns all bytes of the reply in order.
     *
     * @return the frames one after another
     */
    public byte[] bytes() {
        int length = frames.stream().mapToInt(frame -> frame.length).sum();
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, all, offset, frame.length);
            offset += frame.length;
        }
        return all;
    }
}
