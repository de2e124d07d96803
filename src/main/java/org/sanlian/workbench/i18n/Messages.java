package org.sanlian.workbench.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.sanlian.workbench.core.check.Issue;

/**
 * The sentences a person reads, from {@code i18n/messages*.properties} (UTF-8; Simplified Chinese
 * by default). Core code reports codes with arguments; every edge (ui, cli, io) turns them into text
 * here, so one bundle serves the window, the command line, Excel sheets and error messages.
 */
public final class Messages {

    public static final String BUNDLE = "org.sanlian.workbench.i18n.messages";

    private static volatile Messages current = new Messages(Locale.SIMPLIFIED_CHINESE);

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages in the language the user chose (Chinese unless set otherwise). */
    public static Messages get() {
        return current;
    }

    public static void use(Locale locale) {
        current = new Messages(locale);
    }

    /** The preference (of the window's node) naming the language chosen in 设置: {@value #ENGLISH} or {@value #CHINESE}. */
    public static final String LANGUAGE_PREFERENCE = "language";
    public static final String CHINESE = "zh";
    public static final String ENGLISH = "en";

    /** The language a preference value names: English for {@value #ENGLISH}, else Simplified Chinese. */
    public static Locale localeOf(String language) {
        return ENGLISH.equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The language stored in {@code preferences} ({@value #CHINESE} when none is). */
    public static String chosenLanguage(java.util.prefs.Preferences preferences) {
        return ENGLISH.equals(preferences.get(LANGUAGE_PREFERENCE, CHINESE)) ? ENGLISH : CHINESE;
    }

    /** At a start: uses the language stored in {@code preferences} (Chinese unless English was chosen). */
    public static void useChosen(java.util.prefs.Preferences preferences) {
        use(localeOf(chosenLanguage(preferences)));
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of a key with its arguments filled in; the key itself when it is missing (never fails). */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return args.length == 0 ? key : key + " " + List.of(args);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A validation issue as one line: where, then what is wrong and what to do. */
    public String describe(Issue issue) {
        String what = text("issue." + issue.code(), issue.args().toArray());
        return issue.where().isEmpty() ? what : issue.where() + ": " + what;
    }
}
