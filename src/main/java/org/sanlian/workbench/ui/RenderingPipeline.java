package org.sanlian.workbench.ui;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * JavaFX's renderer, remembered per display. Where the display offers no graphics hardware JavaFX can
 * use (a remote desktop, a virtual machine, a display without OpenGL), JavaFX tries the hardware
 * pipeline at every start, fails, and falls back to software: about 60 ms of each start on this
 * project's test machine. Once a start has shown the window with the software pipeline, the next
 * starts on the same display ask for it at once; a week later they try the hardware again, in case
 * the display changed. A renderer the user chose ({@code -Dprism.order=…}) is left alone.
 */
final class RenderingPipeline {

    /** JavaFX's system property for the order of pipelines to try. */
    static final String ORDER_PROPERTY = "prism.order";
    static final String SOFTWARE = "sw";
    /** How long a display found without hardware rendering is asked for software at once. */
    static final int RECHECK_DAYS = 7;
    private static final String KEY = "software-rendering.";

    private RenderingPipeline() {
    }

    /** Before the toolkit starts: asks for the software pipeline if this display lately had nothing else. */
    static void applyRemembered(Preferences preferences, Map<String, String> environment, LocalDate today) {
        if (System.getProperty(ORDER_PROPERTY) != null) {
            return;
        }
        long since = preferences.getLong(key(environment), -1);
        if (since >= 0 && today.toEpochDay() - since >= 0 && today.toEpochDay() - since < RECHECK_DAYS) {
            System.setProperty(ORDER_PROPERTY, SOFTWARE);
        }
    }

    /**
     * Once the window shows: remembers whether this display gave hardware rendering. A start that asked
     * for software (from memory, or the user's choice) learns nothing about the display: a remembered
     * day is kept, so the hardware is tried again when the week is over.
     */
    static void remember(Preferences preferences, Map<String, String> environment, boolean hardware, LocalDate today) {
        String key = key(environment);
        if (hardware) {
            if (preferences.getLong(key, -1) >= 0) {
                preferences.remove(key);
            }
        } else if (!SOFTWARE.equals(System.getProperty(ORDER_PROPERTY))) {
            preferences.putLong(key, today.toEpochDay());
        }
    }

    /** The preference key of the display this process shows on (X11 or Wayland display, Windows session). */
    static String key(Map<String, String> environment) {
        String display = environment.getOrDefault("WAYLAND_DISPLAY",
                environment.getOrDefault("DISPLAY", environment.getOrDefault("SESSIONNAME", "")));
        String cleaned = display.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9:._#-]", "_");
        return KEY + (cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned);
    }
}
