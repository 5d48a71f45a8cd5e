package kz.sailau.kiosk.ui;

import java.util.Locale;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message on an administrator screen: its kind (the screen styles success, warning and error differently), a
 * bundle key and its arguments. An argument that is a {@link Key} or a {@link Count} is looked up when the text is
 * made, so the message follows a language switch. Holds no JavaFX node.
 *
 * @param kind      how the screen shows it
 * @param key       the bundle key
 * @param arguments the {@link java.text.MessageFormat} arguments
 */
public record AdminMessage(Kind kind, String key, List<Object> arguments) {

    /** How a message is shown; each kind has its own style class {@code message-KIND}. */
    public enum Kind {
        /** Work under way or a neutral note. */
        INFO,
        /** The action was done. */
        SUCCESS,
        /** Done, but the administrator must look (e.g. a reconciliation that does not balance) or must confirm. */
        WARNING,
        /** Refused or failed; nothing was changed unless the text says so. */
        ERROR;

        /** The style class of this kind, e.g. {@code message-error}. */
        public String styleClass() {
            return "message-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** An argument that is itself a bundle key. */
    public record Key(String key) {
        /** @throws NullPointerException on null */
        public Key {
            Objects.requireNonNull(key, "key");
        }
    }

    /** An argument that is a counted phrase ({@link Messages#count}). */
    public record Count(String key, long n) {
        /** @throws NullPointerException on null */
        public Count {
            Objects.requireNonNull(key, "key");
        }
    }

    /** @throws NullPointerException on null */
    public AdminMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    /** A neutral message. */
    public static AdminMessage info(String key, Object... arguments) {
        return new AdminMessage(Kind.INFO, key, Arrays.asList(arguments));
    }

    /** A success. */
    public static AdminMessage success(String key, Object... arguments) {
        return new AdminMessage(Kind.SUCCESS, key, Arrays.asList(arguments));
    }

    /** A warning. */
    public static AdminMessage warning(String key, Object... arguments) {
        return new AdminMessage(Kind.WARNING, key, Arrays.asList(arguments));
    }

    /** An error. */
    public static AdminMessage error(String key, Object... arguments) {
        return new AdminMessage(Kind.ERROR, key, Arrays.asList(arguments));
    }

    /** The text in the language of {@code messages}. */
    public String text(Messages messages) {
        Object[] resolved = arguments.stream().map(argument -> {
            if (argument instanceof Key k) {
                return messages.get(k.key());
            }
            if (argument instanceof Count c) {
                return messages.count(c.key(), c.n());
            }
            return argument;
        }).toArray();
        return messages.get(key, resolved);
    }
}
