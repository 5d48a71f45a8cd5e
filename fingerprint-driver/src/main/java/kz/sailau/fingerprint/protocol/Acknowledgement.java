package kz.sailau.fingerprint.protocol;

import java.util.Arrays;
import java.util.Objects;
import kz.sailau.fingerprint.MalformedPacketException;

/**
 * The contents of an acknowledge packet: a confirmation code and the instruction's return parameters
 * (user manual, "Check and acknowledgement of data package").
 *
 * @param code       raw confirmation code byte, 0..255
 * @param parameters bytes after the code (copied)
 */
public record Acknowledgement(int code, byte[] parameters) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code code} is not a byte value
     */
    public Acknowledgement {
        Objects.requireNonNull(parameters, "parameters");
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("confirmation code out of byte range: " + code);
        }
        parameters = parameters.clone();
    }

    /**
     * Reads an acknowledgement from a packet.
     *
     * @param packet a packet that must be of type {@link PacketType#ACKNOWLEDGE} with at least one payload byte
     * @return the acknowledgement
     * @throws MalformedPacketException if the packet is not an acknowledgement or is empty
     */
    public static Acknowledgement of(Packet packet) throws MalformedPacketException {
        Objects.requireNonNull(packet, "packet");
        if (packet.type() != PacketType.ACKNOWLEDGE) {
            throw new MalformedPacketException("expected an acknowledge packet, got " + packet.type());
        }
        if (packet.payloadLength() < 1) {
            throw new MalformedPacketException("acknowledge packet without confirmation code");
        }
        byte[] payload = packet.payload();
        return new Acknowledgement(payload[0] & 0xFF, Arrays.copyOfRange(payload, 1, payload.length));
    }

    /**
     * Builds the acknowledge packet carrying this acknowledgement.
     *
     * @param address module address
     * @return the packet
     */
    public Packet toPacket(int address) {
        byte[] payload = new byte[1 + parameters.length];
        payload[0] = (byte) code;
        System.arraycopy(parameters, 0, payload, 1, parameters.length);
        return new Packet(address, PacketType.ACKNOWLEDGE, payload);
    }

    /**
     * Returns the named confirmation code.
     *
     * @return the code, {@link ConfirmationCode#UNKNOWN} if the manual does not define it
     */
    public ConfirmationCode confirmation() {
        return ConfirmationCode.ofCode(code);
    }

    /**
     * Returns a copy of the return parameters.
     *
     * @return bytes after the confirmation code
     */
    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Acknowledgement that && code == that.code && Arrays.equals(parameters, that.parameters);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "Acknowledgement[" + confirmation() + " (0x" + Integer.toHexString(code) + "), "
                + parameters.length + " parameter bytes]";
    }
}
