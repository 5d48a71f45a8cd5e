package kz.sailau.fingerprint.protocol;

/**
 * Confirmation codes, the first payload byte of an acknowledge packet (user manual, "Module instruction system",
 * the "Confirmation code" table repeated under each instruction).
 */
public enum ConfirmationCode {
    /** 0x00: instruction complete. */
    OK(0x00, "instruction complete"),
    /** 0x01: error when receiving a data package. */
    RECEIVE_ERROR(0x01, "error when receiving data package"),
    /** 0x02: no finger on the sensor. */
    NO_FINGER(0x02, "no finger on the sensor"),
    /** 0x03: failed to enrol (capture) the finger image. */
    CAPTURE_FAILED(0x03, "failed to capture the finger image"),
    /** 0x06: image too disorderly to generate a character file. */
    IMAGE_TOO_DISORDERLY(0x06, "image too disorderly to generate a character file"),
    /** 0x07: too few minutiae or image too small to generate a character file. */
    IMAGE_TOO_SMALL(0x07, "too few character points or image too small"),
    /** 0x08: finger does not match. */
    NO_MATCH(0x08, "finger does not match"),
    /** 0x09: no matching finger found in the library. */
    NOT_FOUND(0x09, "no matching finger found"),
    /** 0x0A: failed to combine the character files. */
    COMBINE_FAILED(0x0A, "failed to combine character files"),
    /** 0x0B: page ID beyond the finger library. */
    PAGE_OUT_OF_RANGE(0x0B, "page ID beyond the finger library"),
    /** 0x0C: error reading a template, or invalid template. */
    TEMPLATE_READ_ERROR(0x0C, "error reading template or invalid template"),
    /** 0x0D: error uploading a template. */
    TEMPLATE_UPLOAD_ERROR(0x0D, "error uploading template"),
    /** 0x0E: module cannot receive the following data packages. */
    CANNOT_RECEIVE(0x0E, "module cannot receive the following data packages"),
    /** 0x0F: error uploading the image. */
    IMAGE_UPLOAD_ERROR(0x0F, "error uploading image"),
    /** 0x10: failed to delete a template. */
    DELETE_FAILED(0x10, "failed to delete template"),
    /** 0x11: failed to clear the finger library. */
    CLEAR_FAILED(0x11, "failed to clear the finger library"),
    /** 0x13: wrong password. */
    WRONG_PASSWORD(0x13, "wrong password"),
    /** 0x15: no valid primary image in the buffer. */
    NO_VALID_IMAGE(0x15, "no valid primary image to generate from"),
    /** 0x18: error writing flash. */
    FLASH_WRITE_ERROR(0x18, "error writing flash"),
    /** 0x19: undefined error. */
    UNDEFINED_ERROR(0x19, "undefined error"),
    /** 0x1A: invalid register number. */
    INVALID_REGISTER(0x1A, "invalid register number"),
    /** 0x1B: incorrect register configuration. */
    INCORRECT_CONFIGURATION(0x1B, "incorrect register configuration"),
    /** 0x1C: wrong notepad page number. */
    WRONG_NOTEPAD_PAGE(0x1C, "wrong notepad page number"),
    /** 0x1D: failed to operate the communication port. */
    PORT_OPERATION_FAILED(0x1D, "failed to operate the communication port"),
    /** 0x21: the password must be verified first (R503 manual). */
    MUST_VERIFY_PASSWORD(0x21, "the password must be verified"),
    /** 0xFC: unsupported command (R503 manual). */
    UNSUPPORTED_COMMAND(0xFC, "unsupported command"),
    /** Any code the manual does not define; the raw value is kept in {@link Acknowledgement#code()}. */
    UNKNOWN(-1, "unknown confirmation code");

    private final int code;
    private final String meaning;

    ConfirmationCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /**
     * Returns the byte value.
     *
     * @return 0..255, or -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * Returns the meaning in the manual's words, for logs.
     *
     * @return a short English phrase
     */
    public String meaning() {
        return meaning;
    }

    /**
     * Looks up a confirmation code.
     *
     * @param code byte value 0..255
     * @return the named code, or {@link #UNKNOWN}
     */
    public static ConfirmationCode ofCode(int code) {
        for (ConfirmationCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
