package kz.sailau.fingerprint.protocol;

import java.util.Arrays;
import kz.sailau.fingerprint.MalformedPacketException;

/**
 * Collects the data packets of one image upload into the packed image.
 *
 * <p>Accepts data packets of any size (sensors differ), rejects anything that would overflow the expected size,
 * an end-of-data packet that arrives early, and packets that are not data packets.
 */
public final class ImageAssembler {

    private final byte[] image;
    private int received;
    private boolean complete;

    /**
     * Creates an assembler.
     *
     * @param expectedBytes size of the packed image, {@link SensorImage#PACKED_BYTES} for a sensor image
     */
    public ImageAssembler(int expectedBytes) {
        if (expectedBytes <= 0) {
            throw new IllegalArgumentException("expected bytes must be positive");
        }
        image = new byte[expectedBytes];
    }

    /**
     * Adds one packet.
     *
     * @param packet a {@link PacketType#DATA} or {@link PacketType#END_OF_DATA} packet
     * @return {@code true} when the image is complete
     * @throws MalformedPacketException if the packet does not belong in an image transfer here
     */
    public boolean accept(Packet packet) throws MalformedPacketException {
        if (complete) {
            throw new MalformedPacketException("packet after the end of the image");
        }
        if (packet.type() != PacketType.DATA && packet.type() != PacketType.END_OF_DATA) {
            throw new MalformedPacketException("expected a data packet, got " + packet.type());
        }
        if (received + packet.payloadLength() > image.length) {
            throw new MalformedPacketException("image data overflows " + image.length + " bytes");
        }
        packet.copyPayloadTo(image, received);
        received += packet.payloadLength();
        if (packet.type() == PacketType.END_OF_DATA) {
            if (received != image.length) {
                throw new MalformedPacketException(
                        "end of data after " + received + " of " + image.length + " image bytes");
            }
            complete = true;
        }
        return complete;
    }

    /**
     * Returns the bytes received so far.
     *
     * @return count of image bytes
     */
    public int receivedBytes() {
        return received;
    }

    /**
     * Returns the expected total.
     *
     * @return image size in bytes
     */
    public int expectedBytes() {
        return image.length;
    }

    /**
     * Returns whether the end-of-data packet has arrived.
     *
     * @return {@code true} when complete
     */
    public boolean isComplete() {
        return complete;
    }

    /**
     * Returns a copy of the complete image.
     *
     * @return the packed image
     * @throws IllegalStateException if the image is not complete
     */
    public byte[] image() {
        if (!complete) {
            throw new IllegalStateException("image not complete");
        }
        return Arrays.copyOf(image, image.length);
    }
}
