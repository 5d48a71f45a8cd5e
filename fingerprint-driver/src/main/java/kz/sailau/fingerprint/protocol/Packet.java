package kz.sailau.fingerprint.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One packet of the sensor protocol (user manual, "Data package format"):
 * <pre>
 * header EF 01 | address (4 bytes) | identifier (1) | length (2, big-endian) | payload | checksum (2)
 * </pre>
 * where length counts payload plus checksum, and the checksum is the low 16 bits of the sum of the identifier,
 * the two length bytes and every payload byte.
 *
 * <p>The payload is copied in and out. {@link #toString()} shows only the type, address and payload length,
 * because data packets carry fingerprint image bytes.
 *
 * @param address 32-bit module address, {@link #DEFAULT_ADDRESS} unless changed with SetAdder
 * @param type    packet identifier
 * @param payload contents, 0 .. {@link #MAX_PAYLOAD} bytes
 */
public record Packet(int address, PacketType type, byte[] payload) {

    /** Header bytes EF 01 (user manual, "Data package format", field "Header"). */
    public static final int HEADER = 0xEF01;
    /** Default module address FF FF FF FF (user manual, "Data package format", field "Adder"). */
    public static final int DEFAULT_ADDRESS = 0xFFFFFFFF;
    /** Bytes of header, address, identifier and length in front of the payload. */
    public static final int PREFIX_BYTES = 9;
    /** Bytes of the checksum after the payload. */
    public static final int CHECKSUM_BYTES = 2;
    /** Framing bytes per packet: prefix and checksum. */
    public static final int OVERHEAD_BYTES = PREFIX_BYTES + CHECKSUM_BYTES;
    /**
     * Largest payload the decoder accepts: 256 bytes, the largest data packet size SetSysPara can select
     * (user manual, SetSysPara parameter 6, "data package length", 0..3 = 32..256 bytes).
     */
    public static final int MAX_PAYLOAD = 256;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the payload is longer than {@link #MAX_PAYLOAD}
     */
    public Packet {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        payload = payload.clone();
    }

    /**
     * Returns a copy of the payload.
     *
     * @return the packet contents
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns the payload length without copying.
     *
     * @return payload bytes
     */
    public int payloadLength() {
        return payload.length;
    }

    /**
     * Returns one payload byte without copying.
     *
     * @param index position in the payload
     * @return the byte as 0..255
     */
    public int payloadByte(int index) {
        return payload[index] & 0xFF;
    }

    /**
     * Copies the payload into a buffer without an intermediate array.
     *
     * @param target the buffer
     * @param offset where in {@code target} to start
     */
    public void copyPayloadTo(byte[] target, int offset) {
        System.arraycopy(payload, 0, target, offset, payload.length);
    }

    /**
     * Returns the number of bytes this packet occupies on the wire.
     *
     * @return payload length plus {@link #OVERHEAD_BYTES}
     */
    public int wireLength() {
        return payload.length + OVERHEAD_BYTES;
    }

    /**
     * Returns the checksum of this packet.
     *
     * @return low 16 bits of identifier + length bytes + payload bytes
     */
    public int checksum() {
        int length = payload.length + CHECKSUM_BYTES;
        int sum = type.code() + (length >>> 8) + (length & 0xFF);
        for (byte b : payload) {
            sum += b & 0xFF;
        }
        return sum & 0xFFFF;
    }

    /**
     * Encodes the packet with its header and checksum.
     *
     * @return the bytes to send
     */
    public byte[] encode() {
        byte[] out = new byte[wireLength()];
        encodeInto(out, 0);
        return out;
    }

    /**
     * Encodes the packet into a buffer.
     *
     * @param target the buffer, with at least {@link #wireLength()} bytes from {@code offset}
     * @param offset where to start
     * @return the number of bytes written
     */
    public int encodeInto(byte[] target, int offset) {
        int length = payload.length + CHECKSUM_BYTES;
        int i = offset;
        target[i++] = (byte) 0xEF;
        target[i++] = (byte) 0x01;
        target[i++] = (byte) (address >>> 24);
        target[i++] = (byte) (address >>> 16);
        target[i++] = (byte) (address >>> 8);
        target[i++] = (byte) address;
        target[i++] = (byte) type.code();
        target[i++] = (byte) (length >>> 8);
        target[i++] = (byte) length;
        System.arraycopy(payload, 0, target, i, payload.length);
        i += payload.length;
        int checksum = checksum();
        target[i++] = (byte) (checksum >>> 8);
        target[i++] = (byte) checksum;
        return i - offset;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Packet that
                && address == that.address && type == that.type && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return (address * 31 + type.hashCode()) * 31 + Arrays.hashCode(payload);
    }

    /** Returns type, address and payload length; for command and acknowledge packets also the first byte. */
    @Override
    public String toString() {
        String head = (type == PacketType.COMMAND || type == PacketType.ACKNOWLEDGE) && payload.length > 0
                ? ", code=0x" + HexFormat.of().toHexDigits(payload[0]) : "";
        return "Packet[" + type + ", address=" + HexFormat.of().toHexDigits(address) + ", payload="
                + payload.length + " bytes" + head + "]";
    }
}
