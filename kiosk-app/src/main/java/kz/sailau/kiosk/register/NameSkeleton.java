package kz.sailau.kiosk.register;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * How a name looks, for the duplicate search: two names with the same skeleton are read as the same name by a
 * person, although their letters may differ ({@code Ивaнoв} with Latin a and o against {@code Иванов}). The
 * skeleton is the confusable skeleton of Unicode Technical Standard #39 section 4 (ICU4J {@link SpoofChecker}),
 * taken of the name in NFC, upper case (more Latin and Cyrillic capitals look alike than small letters: А В Е К М Н
 * О Р С Т Х), with Ё read as Е and runs of spaces as one space (decision 0130).
 */
final class NameSkeleton {

    /** Immutable once built; {@code getSkeleton} is safe from several threads. */
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

    private NameSkeleton() {
    }

    /** The skeleton of {@code name}. */
    static String of(String name) {
        Objects.requireNonNull(name, "name");
        String text = Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT).replace('Ё', 'Е');
        return CHECKER.getSkeleton(text);
    }
}
