package org.sanlian.workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A display found without hardware rendering gets the software pipeline at once for a week; others are left alone. */
class RenderingPipelineTest {

    private static final Map<String, String> XVFB = Map.of("DISPLAY", ":99");
    private static final Map<String, String> DESKTOP = Map.of("DISPLAY", ":0");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private Preferences prefs;
    private String before;

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("org/sanlian/workbench/test/rendering-" + System.nanoTime());
        before = System.getProperty(RenderingPipeline.ORDER_PROPERTY);
        System.clearProperty(RenderingPipeline.ORDER_PROPERTY);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        prefs.removeNode();
        if (before == null) {
            System.clearProperty(RenderingPipeline.ORDER_PROPERTY);
        } else {
            System.setProperty(RenderingPipeline.ORDER_PROPERTY, before);
        }
    }

    private String startOn(Map<String, String> display, LocalDate day) {
        System.clearProperty(RenderingPipeline.ORDER_PROPERTY);
        RenderingPipeline.applyRemembered(prefs, display, day);
        return System.getProperty(RenderingPipeline.ORDER_PROPERTY);
    }

    @Test
    void aDisplayWithoutHardwareIsGivenSoftwareAtOnceForAWeekThenTriedAgain() {
        assertThat(startOn(XVFB, DAY)).isNull(); // nothing known: JavaFX tries the hardware itself
        RenderingPipeline.remember(prefs, XVFB, false, DAY);

        assertThat(startOn(XVFB, DAY.plusDays(1))).isEqualTo("sw");
        // a start that asked for software learns nothing: the day found stays, the week is not prolonged
        RenderingPipeline.remember(prefs, XVFB, false, DAY.plusDays(1));
        assertThat(startOn(XVFB, DAY.plusDays(6))).isEqualTo("sw");
        RenderingPipeline.remember(prefs, XVFB, false, DAY.plusDays(6));

        assertThat(startOn(XVFB, DAY.plusDays(7))).isNull(); // a week on: the hardware is tried again
        RenderingPipeline.remember(prefs, XVFB, false, DAY.plusDays(7)); // still none: another week
        assertThat(startOn(XVFB, DAY.plusDays(8))).isEqualTo("sw");
        // another display of the same user is not affected
        assertThat(startOn(DESKTOP, DAY.plusDays(8))).isNull();
    }

    @Test
    void hardwareFoundForgetsTheDisplayAndTheUsersOwnChoiceIsKept() {
        RenderingPipeline.remember(prefs, XVFB, false, DAY);
        assertThat(startOn(XVFB, DAY.plusDays(14))).isNull();
        RenderingPipeline.remember(prefs, XVFB, true, DAY.plusDays(14)); // the display has hardware now
        assertThat(startOn(XVFB, DAY.plusDays(15))).isNull();

        RenderingPipeline.remember(prefs, XVFB, false, DAY);
        System.setProperty(RenderingPipeline.ORDER_PROPERTY, "es2");
        RenderingPipeline.applyRemembered(prefs, XVFB, DAY.plusDays(1));
        assertThat(System.getProperty(RenderingPipeline.ORDER_PROPERTY)).isEqualTo("es2");

        // a start on software by the user's own choice says nothing about the display
        prefs.remove(RenderingPipeline.key(DESKTOP));
        System.setProperty(RenderingPipeline.ORDER_PROPERTY, "sw");
        RenderingPipeline.remember(prefs, DESKTOP, false, DAY);
        assertThat(startOn(DESKTOP, DAY.plusDays(1))).isNull();
    }

    @Test
    void displaysAreKeptApartByTheirNames() {
        assertThat(RenderingPipeline.key(Map.of("DISPLAY", ":0"))).isNotEqualTo(RenderingPipeline.key(Map.of("DISPLAY", ":1")));
        assertThat(RenderingPipeline.key(Map.of("WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":0")))
                .isEqualTo("software-rendering.wayland-0");
        assertThat(RenderingPipeline.key(Map.of("SESSIONNAME", "RDP-Tcp#3"))).isEqualTo("software-rendering.rdp-tcp#3");
        assertThat(RenderingPipeline.key(Map.of())).isEqualTo("software-rendering.");
    }
}
