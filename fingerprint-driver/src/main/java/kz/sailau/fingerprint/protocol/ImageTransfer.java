package kz.sailau.fingerprint.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits an image into data packets for UpImage / DownImage: every packet but the last is a
 * {@link PacketType#DATA} packet of exactly the configured packet size, the last one is
 * {@link PacketType#END_OF_DATA} (user manual, "Data package format" and UpImage 0x0A).
 */
public final class ImageTransfer {

    private ImageTransfer() {
    }

    /**
     * Splits bytes into data packets.
     *
     * @param data       the bytes to send, at least one
     * @param packetSize payload bytes per packet: 32, 64, 128 or 256
     * @param address    module address
     * @return the packets in order, the last of type {@link PacketType#END_OF_DATA}
     */
    public static List<Packet> packets(byte[] data, int packetSize, int address) {
        Objects.requireNonNull(data, "data");
        SystemParameterCodec.packetSizeCode(packetSize);
        if (data.length == 0) {
            throw new IllegalArgumentException("nothing to send");
        }
        List<Packet> packets = new ArrayList<>(data.length / packetSize + 1);
        for (int offset = 0; offset < data.length; offset += packetSize) {
            int stop = Math.min(data.length, offset + packetSize);
            PacketType type = stop == data.length ? PacketType.END_OF_DATA : PacketType.DATA;
            packets.add(new Packet(address, type, Arrays.copyOfRange(data, offset, stop)));
        }
        return packets;
    }

    /**
     * Returns how many bytes a transfer occupies on the wire, packet framing included.
     *
     * @param dataBytes  bytes of data
     * @param packetSize payload bytes per packet
     * @return wire bytes
     */
    public static long wireBytes(long dataBytes, int packetSize) {
        long packets = (dataBytes + packetSize - 1) / packetSize;
        return dataBytes + packets * Packet.OVERHEAD_BYTES;
    }
}
