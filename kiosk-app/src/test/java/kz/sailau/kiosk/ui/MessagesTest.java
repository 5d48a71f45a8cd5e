package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.model.InvalidIinException;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyLanguageHasExactlyTheSameKeys() {
        Set<String> kazakh = keys(Language.KAZAKH);
        for (Language language : Language.values()) {
            Set<String> other = keys(language);
            Set<String> missing = new TreeSet<>(kazakh);
            missing.removeAll(other);
            Set<String> extra = new TreeSet<>(other);
            extra.removeAll(kazakh);
            assertTrue(missing.isEmpty() && extra.isEmpty(),
                    language + " bundle: missing " + missing + ", not in Kazakh " + extra);
        }
    }

    @Test
    void noValueIsBlank() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.bundle(language.locale());
            for (String key : bundle.keySet()) {
                assertFalse(bundle.getString(key).isBlank(), language + " " + key + " is blank");
            }
        }
    }

    @Test
    void everyMessageKeyDeclaredInCodeExists() {
        List<String> declared = new ArrayList<>();
        for (ImageQuality quality : ImageQuality.values()) {
            declared.add(quality.messageKey());
        }
        for (InvalidIinException.Reason reason : InvalidIinException.Reason.values()) {
            declared.add(reason.messageKey());
        }
        for (DeviceException.Kind kind : DeviceException.Kind.values()) {
            declared.add(kind.messageKey());
        }
        declared.addAll(List.of("finger.error.extraction", "finger.error.templateVersion",
                "finger.error.templateDamaged"));
        for (Language language : Language.values()) {
            Messages messages = Messages.of(language);
            for (String key : declared) {
                assertTrue(messages.has(key), language + " lacks " + key);
            }
        }
    }

    @Test
    void missingKeyShowsVisiblyInsteadOfThrowing() {
        assertEquals("!no.such.key!", Messages.of(Language.ENGLISH).get("no.such.key"));
    }

    @Test
    void kioskStartsInKazakh() {
        LanguageViewModel model = new LanguageViewModel();
        assertEquals(Language.KAZAKH, model.languageProperty().get());
        assertEquals("Қош келдіңіз!", model.messages().get("welcome.title"));
        model.choose(Language.RUSSIAN);
        assertEquals("Добро пожаловать!", model.messages().get("welcome.title"));
        model.reset();
        assertEquals(Language.KAZAKH, model.languageProperty().get());
    }

    private static Set<String> keys(Language language) {
        return new TreeSet<>(Messages.bundle(language.locale()).keySet());
    }
}
