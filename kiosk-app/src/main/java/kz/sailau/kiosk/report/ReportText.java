package kz.sailau.kiosk.report;

/**
 * The words of a printed report in one language: the text of a key with {@link java.text.MessageFormat} arguments
 * filled in. The screens pass their resource bundle of the language chosen ({@code Messages::get}); every key a
 * layout uses is listed in {@link ReportLayouts#KEYS}, so that a test checks it exists in every language.
 */
@FunctionalInterface
public interface ReportText {

    /** The text of {@code key} with its arguments. */
    String get(String key, Object... arguments);
}
