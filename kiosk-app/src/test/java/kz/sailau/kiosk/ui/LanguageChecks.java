package kz.sailau.kiosk.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;

/**
 * Finds texts on screen that are still in another language after a language switch: a visible label, button
 * or prompt whose text contains a literal piece of another language's bundle value (the parts between the
 * {@code {n}} placeholders, at least 6 characters with 4 letters) that no value of the current language
 * contains. Call on the FX thread.
 */
final class LanguageChecks {

    private LanguageChecks() {
    }

    /** The stale texts under {@code root}, each as {@code id: "text" (language)}; empty when none. */
    static List<String> staleTexts(Node root, Language current) {
        String currentValues = String.join("\n", values(current));
        List<String> stale = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        collect(root, texts);
        for (Language other : Language.values()) {
            if (other == current) {
                continue;
            }
            for (String value : values(other)) {
                for (String piece : value.split("\\{[^}]*}")) {
                    String fragment = piece.strip();
                    if (fragment.length() < 6 || fragment.codePoints().filter(Character::isLetter).count() < 4
                            || currentValues.contains(fragment)) {
                        continue;
                    }
                    for (String[] text : texts) {
                        if (containsAsWords(text[1], fragment)) {
                            stale.add(text[0] + ": \"" + text[1] + "\" (" + other + ": \"" + fragment + "\")");
                        }
                    }
                }
            }
        }
        return stale;
    }

    /**
     * Whether {@code fragment} stands in {@code text} with no letter glued to either end, so that a voter's name
     * that merely begins with a word of another language ("Сайлаушы" holds "Сайлау") is not taken for it.
     */
    static boolean containsAsWords(String text, String fragment) {
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            int end = at + fragment.length();
            boolean gluedBefore = at > 0 && Character.isLetter(text.codePointBefore(at))
                    && Character.isLetter(fragment.codePointAt(0));
            boolean gluedAfter = end < text.length() && Character.isLetter(text.codePointAt(end))
                    && Character.isLetter(fragment.codePointBefore(fragment.length()));
            if (!gluedBefore && !gluedAfter) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(Language language) {
        ResourceBundle bundle = Messages.bundle(language.locale());
        List<String> values = new ArrayList<>();
        for (String key : Collections.list(bundle.getKeys())) {
            values.add(bundle.getString(key));
        }
        return values;
    }

    private static void collect(Node node, List<String[]> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            texts.add(new String[] {String.valueOf(labeled.getId()), labeled.getText()});
        }
        if (node instanceof TextInputControl input && input.getPromptText() != null
                && !input.getPromptText().isEmpty()) {
            texts.add(new String[] {input.getId() + " (prompt)", input.getPromptText()});
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null
                && !scroll.getChildrenUnmodifiable().contains(scroll.getContent())
                && scroll.getSkin() == null) {
            collect(scroll.getContent(), texts);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }
}
