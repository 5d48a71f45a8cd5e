package kz.sailau.fingerprint.protocol;

import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.SensorParameters;

/**
 * Encodes and decodes the sixteen bytes ReadSysPara returns (user manual, ReadSysPara 0x0F, "basic parameter
 * list"): status register, system identifier, library size, security level (two bytes each), device address
 * (four bytes), data packet size code and baud factor N (two bytes each), all big-endian.
 */
public final class SystemParameterCodec {

    /** Length of the parameter block. */
    public static final int LENGTH = 16;
    /** Baud rate unit: the baud rate is 9600 × N (user manual, SetSysPara parameter 4). */
    public static final int BAUD_UNIT = 9600;

    private SystemParameterCodec() {
    }

    /**
     * Decodes the parameter block.
     *
     * @param bytes at least 16 bytes
     * @return the parameters
     * @throws MalformedPacketException if the block is short or holds an impossible packet size or baud factor
     */
    public static SensorParameters decode(byte[] bytes) throws MalformedPacketException {
        if (bytes.length < LENGTH) {
            throw new MalformedPacketException("system parameters need " + LENGTH + " bytes, got " + bytes.length);
        }
        int sizeCode = u16(bytes, 12);
        int baudFactor = u16(bytes, 14);
        if (sizeCode > 3) {
            throw new MalformedPacketException("impossible packet size code " + sizeCode);
        }
        if (baudFactor < 1 || baudFactor > 12) {
            throw new MalformedPacketException("impossible baud factor " + baudFactor);
        }
        int address = (u16(bytes, 8) << 16) | u16(bytes, 10);
        return new SensorParameters(u16(bytes, 0), u16(bytes, 2), u16(bytes, 4), u16(bytes, 6), address,
                packetSizeOfCode(sizeCode), baudFactor * BAUD_UNIT);
    }

    /**
     * Encodes the parameter block.
     *
     * @param parameters the parameters
     * @return 16 bytes
     */
    public static byte[] encode(SensorParameters parameters) {
        byte[] out = new byte[LENGTH];
        put16(out, 0, parameters.statusRegister());
        put16(out, 2, parameters.systemIdentifier());
        put16(out, 4, parameters.librarySize());
        put16(out, 6, parameters.securityLevel());
        put16(out, 8, parameters.deviceAddress() >>> 16);
        put16(out, 10, parameters.deviceAddress());
        put16(out, 12, packetSizeCode(parameters.packetSizeBytes()));
        put16(out, 14, parameters.baudRate() / BAUD_UNIT);
        return out;
    }

    /**
     * Converts a packet size code to bytes.
     *
     * @param code 0..3
     * @return 32, 64, 128 or 256
     */
    public static int packetSizeOfCode(int code) {
        if (code < 0 || code > 3) {
            throw new IllegalArgumentException("packet size code must be 0..3, was " + code);
        }
        return 32 << code;
    }

    /**
     * Converts a packet size in bytes to its code.
     *
     * @param bytes 32, 64, 128 or 256
     * @return 0..3
     */
    public static int packetSizeCode(int bytes) {
        return switch (bytes) {
            case 32 -> 0;
            case 64 -> 1;
            case 128 -> 2;
            case 256 -> 3;
            default -> throw new IllegalArgumentException("packet size must be 32, 64, 128 or 256, was " + bytes);
        };
    }

    private static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    private static void put16(byte[] out, int offset, int value) {
        out[offset] = (byte) (value >>> 8);
        out[offset + 1] = (byte) value;
    }
}
