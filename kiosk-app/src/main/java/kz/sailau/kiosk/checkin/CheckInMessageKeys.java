package kz.sailau.kiosk.checkin;

import java.util.Set;
import java.util.TreeSet;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.devices.MrzReaderException;
import kz.sailau.kiosk.model.mrz.MrzField;

/**
 * Every resource-bundle key the check-in flow, the identity card and the MRZ reader can show, so that the UI's
 * bundle test can check each exists in Kazakh, Russian and English. (The ballot token's keys are the token
 * package's own: {@code token.TokenMessageKeys}; listing them here made check-in and token depend on each other.)
 */
public final class CheckInMessageKeys {

    /** Keys of {@link MrzReaderException}s thrown by the MRZ reader. */
    public static final Set<String> MRZ_READER_KEYS = Set.of("device.mrz.notFound", "device.mrz.cannotOpen",
            "device.mrz.disconnected");

    /**
     * The line under an {@link Refusal#OTHER_PRECINCT} refusal that names the voter's polling station: {@code {0}} its
     * number, {@code {1}} its address in the screen's language.
     */
    public static final String OTHER_PRECINCT_STATION_KEY = "checkin.refusal.otherPrecinct.station";

    private CheckInMessageKeys() {
    }

    /** All keys, sorted. */
    public static Set<String> all() {
        Set<String> keys = new TreeSet<>();
        for (Refusal r : Refusal.values()) {
            keys.add(r.messageKey());
            keys.add(r.nextStepKey());
        }
        for (ClerkReason r : ClerkReason.values()) {
            keys.add(r.messageKey());
            keys.add(r.nextStepKey());
            keys.add(r.voterMessageKey());
        }
        for (OverrideReason r : OverrideReason.values()) {
            keys.add(r.messageKey());
        }
        for (SpecialListReason r : SpecialListReason.values()) {
            keys.add(r.messageKey());
        }
        keys.add(OTHER_PRECINCT_STATION_KEY);
        for (MrzField f : MrzField.values()) {
            keys.add(f.messageKey());
        }
        for (ImageQuality q : ImageQuality.values()) {
            keys.add(q.messageKey());
        }
        keys.add(CheckInMachine.CLERK_PIN_REJECTED_KEY);
        keys.addAll(MRZ_READER_KEYS);
        return keys;
    }
}
