package kz.sailau.kiosk.token;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every resource-bundle key a ballot token can show (a desk's refusals, the token store's failure), so that the
 * UI's bundle test can check each exists in Kazakh, Russian and English.
 */
public final class TokenMessageKeys {

    private TokenMessageKeys() {
    }

    /** All keys, sorted. */
    public static Set<String> all() {
        Set<String> keys = new TreeSet<>();
        for (TokenRefusal r : TokenRefusal.values()) {
            keys.add(r.messageKey());
        }
        keys.add(TokenStoreException.MESSAGE_KEY);
        return keys;
    }
}
