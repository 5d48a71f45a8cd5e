package kz.sailau.kiosk.devices.printer;

/**
 * The ESC/POS command bytes the kiosk uses, after the Epson "ESC/POS Application Programming Guide"
 * and the TM-T20/TM-T88 command reference. Only this subset is sent; the printer emulator parses it and
 * skips the parameters of the other common commands.
 */
final class EscPos {

    private EscPos() {
    }

    static final byte LF = 0x0A;
    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;

    /** ESC @: initialise the printer. */
    static final byte INITIALIZE = 0x40;
    /** ESC a n: justification, n = 0 left, 1 centre, 2 right. */
    static final byte JUSTIFY = 0x61;
    /** ESC E n: emphasised off/on. */
    static final byte EMPHASIZE = 0x45;
    /** ESC t n: select character code table. */
    static final byte CODE_TABLE = 0x74;
    /** ESC d n: print and feed n lines. */
    static final byte FEED_LINES = 0x64;
    /** GS ! n: character size, high nibble width-1, low nibble height-1. */
    static final byte CHARACTER_SIZE = 0x21;
    /** GS V m [n]: cut; m = 0 full, 1 partial, 65/66 feed n then cut. */
    static final byte CUT = 0x56;
    /** GS ( k pL pH cn fn ...: two-dimensional code (cn = 49 for QR Code). */
    static final byte SYMBOL = 0x28;
    static final byte SYMBOL_K = 0x6B;
    static final byte QR = 0x31;
    /** QR function 165 (fn 'A'): select model. */
    static final byte QR_MODEL = 0x41;
    /** QR function 167 (fn 'C'): module size in dots. */
    static final byte QR_MODULE_SIZE = 0x43;
    /** QR function 169 (fn 'E'): error correction level, 48 L, 49 M, 50 Q, 51 H. */
    static final byte QR_ERROR_CORRECTION = 0x45;
    /** QR function 180 (fn 'P'): store data in the symbol storage area. */
    static final byte QR_STORE = 0x50;
    /** QR function 181 (fn 'Q'): print the stored symbol. */
    static final byte QR_PRINT = 0x51;

    /** QR model 2, the model all current printers support. */
    static final byte QR_MODEL_2 = 50;
    /** Error correction level M (15 %): survives a crease on thermal paper. */
    static final byte QR_LEVEL_M = 49;
    /** Module size 6 dots, about 0.75 mm at 203 dpi: readable by the ballot desk's scanner at arm's length. */
    static final byte QR_MODULE_DOTS = 6;
    /** Longest QR payload we send; far above a token's length, far below the symbol's limit. */
    static final int QR_MAX_BYTES = 700;

    /** DLE EOT n, n = 4: transmit paper roll sensor status (one byte back). */
    static final byte STATUS_PAPER = 4;
    /** Paper status bits 5 and 6: roll end detected. */
    static final int PAPER_END_BITS = 0x60;
    /** Paper status bits 2 and 3: roll near end. */
    static final int PAPER_NEAR_END_BITS = 0x0C;

    /** GS v: raster image (with {@link #RASTER_ZERO}: GS v 0 m xL xH yL yH d1...dk). */
    static final byte RASTER = 0x76;
    /** The '0' of GS v 0. */
    static final byte RASTER_ZERO = 0x30;
    /** GS a n: enable automatic status back. */
    static final byte AUTOMATIC_STATUS_BACK = 0x61;

    /** XON (DC1): a printer in XON/XOFF mode is ready for data again. */
    static final int XON = 0x11;
    /** XOFF (DC3): a printer in XON/XOFF mode asks the host to stop sending. */
    static final int XOFF = 0x13;
    /** Bits of a real-time status byte (DLE EOT n) that are fixed: bits 0 and 7 clear, bits 1 and 4 set. */
    static final int STATUS_FIXED_MASK = 0x93;
    /** The value of those fixed bits. */
    static final int STATUS_FIXED_VALUE = 0x12;

    /**
     * Returns whether a byte can be the answer to DLE EOT n (Epson ESC/POS reference, DLE EOT: "bit 0 fixed to 0,
     * bit 1 fixed to 1, bit 4 fixed to 1, bit 7 fixed to 0"); XON, XOFF and automatic status back bytes cannot.
     */
    static boolean isRealTimeStatus(int b) {
        return (b & STATUS_FIXED_MASK) == STATUS_FIXED_VALUE;
    }
}
