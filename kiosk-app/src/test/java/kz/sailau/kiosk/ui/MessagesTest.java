package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.sailau.fingerprint.CaptureCancelledException;
import kz.sailau.fingerprint.ChecksumException;
import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.NoFingerException;
import kz.sailau.fingerprint.PortAccessDeniedException;
import kz.sailau.fingerprint.PortBusyException;
import kz.sailau.fingerprint.ScannerDisconnectedException;
import kz.sailau.fingerprint.ScannerTimeoutException;
import kz.sailau.fingerprint.SensorErrorException;
import kz.sailau.fingerprint.WrongPasswordException;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInMessageKeys;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.OverrideReason;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.model.InvalidIinException;
import kz.sailau.kiosk.model.mrz.MrzField;
import kz.sailau.kiosk.token.TokenMessageKeys;
import kz.sailau.kiosk.timeline.CheckInPhase;
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
        for (Refusal refusal : Refusal.values()) {
            declared.add(refusal.messageKey());
            declared.add(refusal.nextStepKey());
        }
        for (ClerkReason reason : ClerkReason.values()) {
            declared.add(reason.messageKey());
            declared.add(reason.nextStepKey());
        }
        for (OverrideReason reason : OverrideReason.values()) {
            declared.add(reason.messageKey());
        }
        for (MrzField field : MrzField.values()) {
            declared.add(field.messageKey());
        }
        for (CheckInPhase phase : CheckInPhase.values()) {
            declared.add(phase.messageKey());
        }
        declared.add(CheckInMachine.CLERK_PIN_REJECTED_KEY);
        declared.addAll(List.of(CaptureCancelledException.MESSAGE_KEY, ChecksumException.MESSAGE_KEY,
                MalformedPacketException.MESSAGE_KEY, NoFingerException.MESSAGE_KEY,
                PortAccessDeniedException.MESSAGE_KEY, PortBusyException.MESSAGE_KEY,
                ScannerDisconnectedException.MESSAGE_KEY, ScannerTimeoutException.MESSAGE_KEY,
                SensorErrorException.MESSAGE_KEY, WrongPasswordException.MESSAGE_KEY));
        declared.addAll(CheckInScreenModel.fixedNoticeKeys());
        declared.addAll(CheckInMessageKeys.all());
        declared.addAll(TokenMessageKeys.all());
        declared.addAll(List.of("device.mrz.cannotOpen", "device.mrz.disconnected", "device.mrz.notFound"));
        declared.addAll(keysUsedInUiSources());
        // The printed reports: their layouts, and the refusals the report package and the kiosk raise.
        declared.addAll(kz.sailau.kiosk.report.ReportLayouts.KEYS);
        declared.addAll(List.of("report.error.noRegister", "report.error.notZero", "report.error.dayClosed",
                "report.error.dayOpen", "report.error.noSignedHead", "report.error.redeemedTooMany",
                "report.error.read", "report.error.print"));
        for (Language language : Language.values()) {
            Messages messages = Messages.of(language);
            for (String key : declared) {
                assertTrue(messages.has(key), language + " lacks " + key);
            }
        }
    }

    /**
     * What to do next reads as a sentence after "Не істеу керек:", "Что делать:" and "Next step:" (clerk.nextStep):
     * every next step (a key with {@code .next.} in it: the console's, the check-in's, the refusals' and the clerk
     * station's) starts with a capital letter in every language.
     */
    @Test
    void everyNextStepStartsWithACapital() {
        List<String> small = new ArrayList<>();
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.bundle(language.locale());
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                if (key.contains(".next.") && !Character.isUpperCase(value.codePointAt(0))) {
                    small.add(language + " " + key + "=" + value);
                }
            }
        }
        assertEquals(List.of(), small);
    }

    /**
     * The glossary's words for a commission member (the project glossary: комиссия мүшесі, член комиссии,
     * commission member): no English text calls one a "clerk" (a role's identifier such as {@code clerk-station}
     * aside), and no Kazakh or Russian text a secretary (хатшы, секретарь), on the administrator's screens or any other.
     */
    @Test
    void aCommissionMemberIsCalledByTheGlossarysWord() {
        Pattern english = Pattern.compile("(?i)\\bclerks?\\b(?!-)");
        Pattern other = Pattern.compile("(?iu)хатшы|секретар");
        List<String> found = new ArrayList<>();
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.bundle(language.locale());
            Pattern word = language == Language.ENGLISH ? english : other;
            for (String key : bundle.keySet()) {
                if (word.matcher(bundle.getString(key)).find()) {
                    found.add(language + " " + key + "=" + bundle.getString(key));
                }
            }
        }
        assertEquals(List.of(), found);
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

    /** Every string literal in the ui sources that looks like a message key (word.word...). */
    private static List<String> keysUsedInUiSources() {
        Pattern literal = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z-]+)+)\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/kz/sailau/kiosk/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.startsWith("count.")) {
                        // A counted phrase: one pattern per plural category (PluralCategory).
                        for (PluralCategory category : PluralCategory.values()) {
                            found.add(key + category.suffix());
                        }
                    } else if (!key.endsWith(".css") && !key.startsWith("kz.")) {
                        found.add(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(found.size() > 50, "expected the ui sources to use many keys, found " + found.size());
        // The refusal keys the administrator screens show when a register package or the store fails.
        Pattern refusal = Pattern.compile("\"((?:register|crypto|store)\\.error\\.[a-zA-Z]+)\"");
        for (String dir : List.of("register", "crypto", "store")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/kz/sailau/kiosk", dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = refusal.matcher(Files.readString(file));
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static Set<String> keys(Language language) {
        return new TreeSet<>(Messages.bundle(language.locale()).keySet());
    }
}
