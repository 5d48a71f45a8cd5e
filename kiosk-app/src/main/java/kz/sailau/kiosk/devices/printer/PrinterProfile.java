package kz.sailau.kiosk.devices.printer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A receipt printer model (or class) as the kiosk needs to know it: which character code tables it holds under
 * which ESC t number, whether it prints raster images ({@code GS v 0}), how many dots a line has, and how it
 * behaves on the serial line (XON/XOFF flow control bytes, automatic status back). Chosen in {@code kiosk.json}
 * ({@code printer.profile}) and on the Devices pane. The encoder prints each line in the first table that holds all
 * of its characters and otherwise as a raster image rendered from the font the package ships, so Kazakh comes out
 * right on every profile; the emulator decodes exactly the tables a profile claims.
 *
 * <p>Status bytes (Epson ESC/POS reference, DLE EOT): every real-time status byte has bit 0 and bit 7 clear and
 * bits 1 and 4 set; XON (0x11), XOFF (0x13) and the bytes of an automatic status back block never do, so the kiosk
 * tells them apart.
 *
 * @param id                   the key in {@code kiosk.json}
 * @param model                the printers it stands for
 * @param source               where the values come from
 * @param codeTables           ESC t number to table, in the order the encoder tries them
 * @param raster               whether {@code GS v 0} raster images print
 * @param dotsPerLine          printable dots per line (576 on 80 mm paper at 203 dpi, 384 on 58 mm)
 * @param flowControlBytes     whether the printer sends XOFF / XON on the line when its buffer fills and empties
 * @param automaticStatusBack  whether the printer sends four-byte status blocks by itself (GS a)
 * @param defaultBaud          the line speed it ships with
 */
public record PrinterProfile(String id, String model, String source, Map<Integer, CodePage> codeTables,
                             boolean raster, int dotsPerLine, boolean flowControlBytes,
                             boolean automaticStatusBack, int defaultBaud) {

    /**
     * Epson-compatible printers with code page 53, KZ-1048 (Epson ESC/POS Command Reference, ESC t: "53: KZ-1048
     * (Kazakhstan)"; found on the TM-T88VI and TM-m30 class): Kazakh prints as text.
     */
    public static final PrinterProfile EPSON_KZ1048 = new PrinterProfile("escpos-kz1048",
            "Epson-compatible, code page 53 KZ-1048 (TM-T88VI / TM-m30 class)",
            "Epson ESC/POS Command Reference: ESC t pages 0, 16, 17, 46, 53; GS v 0; DLE EOT",
            tables(0, CodePage.PC437, 53, CodePage.KZ1048, 17, CodePage.PC866, 46, CodePage.WPC1251,
                    16, CodePage.WPC1252), true, 576, false, false, 19_200);

    /**
     * Epson TM-T20 / TM-U220 class: pages 0-5 and 16-19, Cyrillic only as PC866 (page 17), no Kazakh table; GS v 0
     * raster images print, so Kazakh lines go as images.
     */
    public static final PrinterProfile EPSON_PC866 = new PrinterProfile("escpos-pc866",
            "Epson TM-T20 class (pages 0-5, 16-19; PC866 page 17; no Kazakh table)",
            "TM-U220A specification 'ESC t' page list; TM-T20 ESC/POS Quick Reference (GS v 0)",
            tables(0, CodePage.PC437, 17, CodePage.PC866, 2, CodePage.PC850, 16, CodePage.WPC1252),
            true, 576, false, false, 19_200);

    /**
     * Generic 58 mm ESC/POS printers: PC437 and PC866 only, 384 dots, XON/XOFF flow control on the serial port and
     * automatic status back switched on. Check the self-test page of the printer for its tables.
     */
    public static final PrinterProfile GENERIC_58MM = new PrinterProfile("escpos-58mm",
            "generic 58 mm ESC/POS printer (PC437, PC866; XON/XOFF; automatic status back)",
            "58 mm printer programming manuals: ESC t 0 and 17, GS v 0, XON/XOFF handshake, GS a",
            tables(0, CodePage.PC437, 17, CodePage.PC866), true, 384, true, true, 9_600);

    /** The profile used when none is configured: the TM-T20 class the kiosk was first built for. */
    public static final PrinterProfile DEFAULT = EPSON_PC866;

    /** Copies and checks the fields. */
    public PrinterProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        codeTables = Collections.unmodifiableMap(new LinkedHashMap<>(codeTables));
        if (codeTables.isEmpty() || dotsPerLine <= 0 || dotsPerLine % 8 != 0) {
            throw new IllegalArgumentException("a printer needs a code table and a line of whole bytes of dots");
        }
    }

    private static Map<Integer, CodePage> tables(Object... pairs) {
        Map<Integer, CodePage> tables = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            tables.put((Integer) pairs[i], (CodePage) pairs[i + 1]);
        }
        return tables;
    }

    /** The tested printers, the default first. */
    public static List<PrinterProfile> catalogue() {
        return List.of(EPSON_PC866, EPSON_KZ1048, GENERIC_58MM);
    }

    /** The ids of the catalogue. */
    public static List<String> ids() {
        return catalogue().stream().map(PrinterProfile::id).toList();
    }

    /** Looks a profile up by id (case does not matter). */
    public static Optional<PrinterProfile> byId(String id) {
        String key = Objects.requireNonNull(id, "id").strip().toLowerCase(Locale.ROOT);
        return catalogue().stream().filter(profile -> profile.id.equals(key)).findFirst();
    }

    /**
     * Returns the first table, in the profile's order, that holds every character of a text.
     *
     * @param text the text
     * @return the ESC t number, or empty if no table holds it all
     */
    public Optional<Integer> tableFor(String text) {
        return codeTables.entrySet().stream().filter(entry -> entry.getValue().canEncode(text))
                .map(Map.Entry::getKey).findFirst();
    }
}
