package kz.sailau.kiosk.devices.printer;

/** One thing a printer put on paper (or did), as recovered by {@link EscPosParser}. */
public sealed interface PrintedItem {

    /**
     * A line of text.
     *
     * @param text the text, decoded from the code table in force
     */
    record TextLine(String text) implements PrintedItem {
    }

    /**
     * A QR code that was stored and printed.
     *
     * @param payload          the content of the symbol
     * @param model            the QR model (50 = model 2)
     * @param moduleSize       the module size in dots
     * @param errorCorrection  the error correction level byte (48 L .. 51 H)
     */
    record QrCode(String payload, int model, int moduleSize, int errorCorrection) implements PrintedItem {
    }

    /** The paper was cut. */
    record Cut() implements PrintedItem {
    }
}
