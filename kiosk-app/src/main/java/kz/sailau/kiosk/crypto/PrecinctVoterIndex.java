package kz.sailau.kiosk.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The blind index of voters on a precinct network: the same for every kiosk of the precinct, so that one voter has
 * one index in the replicated ledger (each kiosk's own store indexes under its own key, which differs per kiosk).
 * Its key is HMAC-SHA256 of the label {@value #LABEL} under the precinct token key (decision 0120), which the
 * authority gives every kiosk of the precinct; the index itself is {@link BlindIndex} with domain {@code iin}.
 */
public final class PrecinctVoterIndex {

    /** The label the index key is derived with. */
    public static final String LABEL = "sailau-precinct-voter-index-v1";

    private PrecinctVoterIndex() {
    }

    /** The precinct's voter index under {@code key}. */
    public static BlindIndex of(PrecinctTokenKey key) {
        Objects.requireNonNull(key, "key");
        return new BlindIndex(key.mac(LABEL.getBytes(StandardCharsets.US_ASCII)), "iin");
    }
}
