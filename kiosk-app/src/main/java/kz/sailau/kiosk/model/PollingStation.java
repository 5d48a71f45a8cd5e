package kz.sailau.kiosk.model;

import java.util.Objects;

/**
 * A polling station (сайлау учаскесі / избирательный участок) as the authority's redirection table names it: its
 * precinct number and its address in Kazakh, Russian and English. Public information, no personal data.
 *
 * @param precinct  the precinct number
 * @param addressKk the address in Kazakh, e.g. {@code №14 мектеп, Абай көшесі 5}
 * @param addressRu the address in Russian
 * @param addressEn the address in English
 */
public record PollingStation(PrecinctId precinct, String addressKk, String addressRu, String addressEn) {

    /** The longest address accepted, in characters (a receipt line is 42; a screen shows two lines). */
    public static final int MAX_ADDRESS_LENGTH = 200;

    /** @throws IllegalArgumentException on an empty or overlong address or one with control characters */
    public PollingStation {
        Objects.requireNonNull(precinct, "precinct");
        for (String address : new String[] {addressKk, addressRu, addressEn}) {
            Objects.requireNonNull(address, "address");
            if (address.isBlank() || address.length() > MAX_ADDRESS_LENGTH
                    || address.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a polling station address must be 1.." + MAX_ADDRESS_LENGTH
                        + " characters without control characters");
            }
        }
    }

    /**
     * The address in a language.
     *
     * @param languageCode {@code kk}, {@code ru} or {@code en}
     * @throws IllegalArgumentException for another language
     */
    public String address(String languageCode) {
        return switch (Objects.requireNonNull(languageCode, "languageCode")) {
            case "kk" -> addressKk;
            case "ru" -> addressRu;
            case "en" -> addressEn;
            default -> throw new IllegalArgumentException("no address in language " + languageCode);
        };
    }
}
