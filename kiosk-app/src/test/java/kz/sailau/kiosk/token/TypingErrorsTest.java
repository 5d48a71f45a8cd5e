package kz.sailau.kiosk.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import org.junit.jupiter.api.Test;

/**
 * Measures which typing errors the typed code's check character catches, and that the tag refuses every error it
 * misses: over 200 random codes, every single substitution, every swap of neighbours, every jump swap
 * ({@code abc → cba}), every twin error ({@code aa → bb}), and 200 random double substitutions per code. The rates
 * are printed and pinned; {@code docs/check-in.md} quotes them. (The Luhn mod 32 character of the earlier
 * 27-character code, measured the same way, missed every jump swap and 2 % of twin errors.)
 */
class TypingErrorsTest {

    /** What the desk answered to a mistyped code. */
    enum Outcome {
        /** The check character caught it: "mistyped, type it again". */
        CHECK_CHARACTER,
        /** The check character missed it, the tag refused it: "not valid here". */
        TAG,
        /** Accepted: the error would hand out a ballot for another id. Must never happen. */
        ACCEPTED
    }

    private static final int CODES = 200;
    private static final PrecinctTokenKey KEY = new PrecinctTokenKey(TokenTest.ELECTION, TokenTest.PRECINCT,
            "TEST-ONLY typing-error key 32 b!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final TokenCheck DESK = new TokenCheck(TokenTest.ELECTION, TokenTest.PRECINCT,
            (body, signature) -> false, KEY::mac);

    @Test
    void theCheckCharacterCatchesSingleErrorsAndTheTagEveryOtherOne() {
        Random random = new Random(20261120);
        List<String> codes = new ArrayList<>();
        for (int n = 0; n < CODES; n++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            codes.add(HumanCode.encode(KEY::mac, TokenTest.ELECTION, TokenTest.PRECINCT, new TokenId(id))
                    .replace("-", ""));
        }
        Map<String, Map<Outcome, Long>> rates = new java.util.LinkedHashMap<>();
        rates.put("single substitution", measure(codes, (code, r) -> singleSubstitutions(code)));
        rates.put("neighbour swap", measure(codes, (code, r) -> swaps(code, 1)));
        rates.put("jump swap (abc>cba)", measure(codes, (code, r) -> swaps(code, 2)));
        rates.put("twin error (aa>bb)", measure(codes, (code, r) -> twins(code)));
        rates.put("double substitution", measure(codes, (code, r) -> doubleSubstitutions(code, random)));
        rates.forEach((kind, outcomes) -> {
            long all = outcomes.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("typing errors: %-22s %8d tried: check character %6.2f %%, tag %6.2f %%, accepted %d%n",
                    kind, all, 100.0 * outcomes.get(Outcome.CHECK_CHARACTER) / all,
                    100.0 * outcomes.get(Outcome.TAG) / all, outcomes.get(Outcome.ACCEPTED));
            assertEquals(0, outcomes.get(Outcome.ACCEPTED), kind + ": a mistyped code was accepted");
        });
        for (String kind : List.of("single substitution", "neighbour swap", "jump swap (abc>cba)", "twin error (aa>bb)")) {
            assertEquals(0, rates.get(kind).get(Outcome.TAG), kind + ": every one is a typing error the check catches");
        }
        Map<Outcome, Long> twice = rates.get("double substitution");
        long doubles = twice.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(twice.get(Outcome.TAG) > 0 && twice.get(Outcome.TAG) < doubles / 16,
                "about 1 in 32 double errors pass the check character and are refused by the tag");
    }

    private static Map<Outcome, Long> measure(List<String> codes, BiFunction<String, Random, List<String>> errors) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, 0L);
        }
        for (String code : codes) {
            for (String typo : errors.apply(code, null)) {
                if (typo.equals(code)) {
                    continue;
                }
                TokenCheck.Verdict verdict = DESK.check(typo);
                Outcome outcome = verdict.accepted() ? Outcome.ACCEPTED
                        : verdict.refusal().orElseThrow() == TokenRefusal.BAD_CHECK_CHARACTER ? Outcome.CHECK_CHARACTER
                        : Outcome.TAG;
                outcomes.merge(outcome, 1L, Long::sum);
            }
        }
        return outcomes;
    }

    private static List<String> singleSubstitutions(String code) {
        List<String> typos = new ArrayList<>();
        for (int i = 0; i < code.length(); i++) {
            for (char c : Base32.ALPHABET.toCharArray()) {
                if (c != code.charAt(i)) {
                    typos.add(code.substring(0, i) + c + code.substring(i + 1));
                }
            }
        }
        return typos;
    }

    private static List<String> swaps(String code, int distance) {
        List<String> typos = new ArrayList<>();
        for (int i = 0; i + distance < code.length(); i++) {
            if (code.charAt(i) != code.charAt(i + distance)) {
                char[] c = code.toCharArray();
                c[i] = code.charAt(i + distance);
                c[i + distance] = code.charAt(i);
                typos.add(new String(c));
            }
        }
        return typos;
    }

    private static List<String> twins(String code) {
        List<String> typos = new ArrayList<>();
        for (int i = 0; i + 1 < code.length(); i++) {
            if (code.charAt(i) == code.charAt(i + 1)) {
                for (char c : Base32.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        typos.add(code.substring(0, i) + c + c + code.substring(i + 2));
                    }
                }
            }
        }
        return typos;
    }

    private static List<String> doubleSubstitutions(String code, Random random) {
        List<String> typos = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            int i = random.nextInt(code.length());
            int j = (i + 1 + random.nextInt(code.length() - 1)) % code.length();
            char[] c = code.toCharArray();
            c[i] = other(c[i], random);
            c[j] = other(c[j], random);
            typos.add(new String(c));
        }
        return typos;
    }

    private static char other(char c, Random random) {
        char o;
        do {
            o = Base32.ALPHABET.charAt(random.nextInt(32));
        } while (o == c);
        return o;
    }
}
