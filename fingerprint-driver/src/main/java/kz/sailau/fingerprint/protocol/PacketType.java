package kz.sailau.fingerprint.protocol;

/**
 * The packet identifier byte (user manual, "Data package format", field "Package identifier").
 */
public enum PacketType {
    /** 0x01: command packet, host to sensor. */
    COMMAND(0x01),
    /** 0x02: data packet, more data packets follow. */
    DATA(0x02),
    /** 0x07: acknowledge packet, sensor to host; first payload byte is the confirmation code. */
    ACKNOWLEDGE(0x07),
    /** 0x08: end-of-data packet, the last data packet of a transfer. */
    END_OF_DATA(0x08);

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    /**
     * Returns the identifier byte.
     *
     * @return 0x01, 0x02, 0x07 or 0x08
     */
    public int code() {
        return code;
    }

    /**
     * Looks up the type of an identifier byte.
     *
     * @param code the identifier byte, 0..255
     * @return the type, or {@code null} if the byte is not a valid identifier
     */
    public static PacketType ofCode(int code) {
        for (PacketType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
