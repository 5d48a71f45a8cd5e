package kz.sailau.fingerprint.protocol;

import java.util.Arrays;
import java.util.Objects;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.MalformedPacketException;

/**
 * Turns a byte stream into packets. Bytes may arrive in pieces of any size; {@link #next()} returns a packet as
 * soon as one is complete.
 *
 * <p>Resynchronisation: bytes before a header {@code EF 01} are skipped and counted in
 * {@link #discardedBytes()}. A header followed by an unknown identifier or an impossible length (below 2, or a
 * payload above {@link Packet#MAX_PAYLOAD}) throws {@link MalformedPacketException} and drops the first header
 * byte, so the next call searches again from there. A frame with a wrong checksum throws
 * {@link ChecksumException} and is dropped whole. After an exception the decoder stays usable.
 *
 * <p>Not thread-safe. Never logs or reports payload bytes.
 */
public final class PacketDecoder {

    private static final int MAX_LENGTH_FIELD = Packet.MAX_PAYLOAD + Packet.CHECKSUM_BYTES;

    private byte[] buffer = new byte[1024];
    private int start;
    private int end;
    private long discardedBytes;

    /** Creates an empty decoder. */
    public PacketDecoder() {
    }

    /**
     * Appends received bytes.
     *
     * @param data   the bytes
     * @param offset first byte to take
     * @param length number of bytes to take
     */
    public void feed(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        ensureRoom(length);
        System.arraycopy(data, offset, buffer, end, length);
        end += length;
    }

    /**
     * Appends received bytes.
     *
     * @param data the bytes
     */
    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * Returns the next complete packet.
     *
     * @return the packet, or {@code null} if more bytes are needed
     * @throws ChecksumException        if a complete frame has a wrong checksum (the frame is dropped)
     * @throws MalformedPacketException if a header is followed by an unknown identifier or impossible length
     */
    public Packet next() throws ChecksumException, MalformedPacketException {
        while (true) {
            int header = findHeader();
            if (header < 0 || end - start < Packet.PREFIX_BYTES) {
                return null;
            }
            int typeCode = buffer[start + 6] & 0xFF;
            int length = ((buffer[start + 7] & 0xFF) << 8) | (buffer[start + 8] & 0xFF);
            PacketType type = PacketType.ofCode(typeCode);
            if (type == null) {
                skip(1);
                throw new MalformedPacketException("unknown packet identifier 0x" + Integer.toHexString(typeCode));
            }
            if (length < Packet.CHECKSUM_BYTES || length > MAX_LENGTH_FIELD) {
                skip(1);
                throw new MalformedPacketException("impossible packet length " + length);
            }
            int frameLength = Packet.PREFIX_BYTES + length;
            if (end - start < frameLength) {
                return null;
            }
            int address = ((buffer[start + 2] & 0xFF) << 24) | ((buffer[start + 3] & 0xFF) << 16)
                    | ((buffer[start + 4] & 0xFF) << 8) | (buffer[start + 5] & 0xFF);
            int payloadLength = length - Packet.CHECKSUM_BYTES;
            byte[] payload = Arrays.copyOfRange(buffer, start + Packet.PREFIX_BYTES,
                    start + Packet.PREFIX_BYTES + payloadLength);
            int checksumOffset = start + frameLength - Packet.CHECKSUM_BYTES;
            int received = ((buffer[checksumOffset] & 0xFF) << 8) | (buffer[checksumOffset + 1] & 0xFF);
            skip(frameLength);
            Packet packet = new Packet(address, type, payload);
            int expected = packet.checksum();
            if (received != expected) {
                throw new ChecksumException("packet checksum 0x" + Integer.toHexString(received)
                        + " but contents sum to 0x" + Integer.toHexString(expected) + " (" + type + ")");
            }
            return packet;
        }
    }

    /**
     * Returns how many bytes were skipped while searching for a header since creation or {@link #reset()}.
     *
     * @return the number of skipped bytes
     */
    public long discardedBytes() {
        return discardedBytes;
    }

    /**
     * Returns how many bytes are waiting to form a packet.
     *
     * @return buffered bytes
     */
    public int bufferedBytes() {
        return end - start;
    }

    /** Forgets all buffered bytes and the discarded count. */
    public void reset() {
        start = 0;
        end = 0;
        discardedBytes = 0;
    }

    /** Moves {@code start} to the next header (or keeps a trailing 0xEF); returns start or -1 if none. */
    private int findHeader() {
        int i = start;
        while (i < end) {
            if ((buffer[i] & 0xFF) == 0xEF) {
                if (i + 1 == end) {
                    break;
                }
                if ((buffer[i + 1] & 0xFF) == 0x01) {
                    discardedBytes += i - start;
                    start = i;
                    return i;
                }
            }
            i++;
        }
        discardedBytes += i - start;
        start = i;
        return -1;
    }

    private void skip(int count) {
        start += count;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private void ensureRoom(int length) {
        if (end + length <= buffer.length) {
            return;
        }
        int live = end - start;
        if (live + length <= buffer.length / 2) {
            System.arraycopy(buffer, start, buffer, 0, live);
        } else {
            byte[] larger = new byte[Math.max(buffer.length * 2, live + length + 1024)];
            System.arraycopy(buffer, start, larger, 0, live);
            buffer = larger;
        }
        start = 0;
        end = live;
    }
}
