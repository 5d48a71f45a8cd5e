package kz.sailau.kiosk.devices;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A model (or family) of serial identity-card readers and how it frames the machine readable zone on the line.
 * Chosen in {@code kiosk.json} ({@code mrzReader.profile}) and on the Devices pane; {@link MrzLineAssembler} reads
 * each framing and {@link MrzReaderEmulator} writes it.
 *
 * @param id         the key in {@code kiosk.json}, e.g. {@code rte-native}
 * @param model      the readers it stands for
 * @param source     where the framing is documented
 * @param framing    how the zone is framed
 * @param defaultBaud the line speed the reader ships with
 */
public record MrzReaderProfile(String id, String model, String source, Framing framing, int defaultBaud) {

    /** How a reader frames one zone. */
    public enum Framing {
        /** Each line of the zone as ASCII text ended by CR, LF or CR LF; a card is three lines. */
        LINES,
        /** The whole zone as one line of 90 characters (TD1: 3 × 30) ended by CR, LF or CR LF. */
        ONE_LINE,
        /**
         * A block {@code SOH len-lo len-hi 'O' 'U' STX flag line CR line CR line CR ETX BCC}, short lines padded with
         * '_' (3M RTE native protocol).
         */
        RTE_BLOCK
    }

    /** Line mode of desktop OCR-B readers: one line of text per MRZ row (the framing the kiosk always read). */
    public static final MrzReaderProfile LINES = new MrzReaderProfile("ocr-lines",
            "desktop OCR-B reader in line mode", "each row sent as text ended by CR LF", Framing.LINES, 9_600);

    /**
     * Readers whose OCR template sends the zone as one read with a CR suffix and no separators between rows (for
     * example scanners whose prefix/suffix is set to CR only: Opticon MDI-4000 serial interface manual, 7.2.3
     * "Prefix/Suffix Value Commands").
     */
    public static final MrzReaderProfile ONE_LINE = new MrzReaderProfile("ocr-one-line",
            "OCR scanner sending the zone as one string", "Opticon MDI-4000 Serial Interface Manual 7.2.3",
            Framing.ONE_LINE, 9_600);

    /**
     * 3M RTE6701-OEM swipe reader, "RTE Native" protocol: {@code <SOH>[length]"OU"<STX>[flag][optical data]<ETX>
     * [BCC]}, the optical data three lines each followed by CR, short lines padded with '_' (Integration Manual
     * VC27U V1.03, 9.1.1). The manual fixes neither here the exact sum of the length word nor the BCC; the kiosk
     * takes the BCC as the exclusive-or of the bytes from the length word to ETX and does not rely on the length.
     */
    public static final MrzReaderProfile RTE_NATIVE = new MrzReaderProfile("rte-native",
            "3M RTE6701-OEM (RTE Native protocol)", "RTE6701-OEM Integration Manual VC27U V1.03, 9.1.1",
            Framing.RTE_BLOCK, 9_600);

    /** The profile used when none is configured. */
    public static final MrzReaderProfile DEFAULT = LINES;

    /** Checks the fields. */
    public MrzReaderProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(framing, "framing");
    }

    /** The tested readers, the default first. */
    public static List<MrzReaderProfile> catalogue() {
        return List.of(LINES, ONE_LINE, RTE_NATIVE);
    }

    /** The ids of the catalogue. */
    public static List<String> ids() {
        return catalogue().stream().map(MrzReaderProfile::id).toList();
    }

    /** Looks a profile up by id (case does not matter). */
    public static Optional<MrzReaderProfile> byId(String id) {
        String key = Objects.requireNonNull(id, "id").strip().toLowerCase(Locale.ROOT);
        return catalogue().stream().filter(profile -> profile.id.equals(key)).findFirst();
    }
}
