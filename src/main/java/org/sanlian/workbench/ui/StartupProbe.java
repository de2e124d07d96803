package org.sanlian.workbench.ui;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.sanlian.workbench.ui.common.FxTaskExecutor;
import org.sanlian.workbench.ui.shell.ScreenRegistry;
import org.sanlian.workbench.ui.shell.ShellViewModel;

/**
 * Measures how long a start takes until the window is usable, for {@code scripts/bench-start.sh}
 * (docs/performance.md). Off unless the system property {@value #PROPERTY} is set; then it prints
 * one line {@code usable-ms=N} to standard error, N counted from the process's start (as the
 * launching script gives it in {@value #T0_PROPERTY}, else the JVM's start), and with
 * {@value #EXIT_PROPERTY}{@code =true} ends the application right after.
 *
 * <p>"Usable" means: the database is open, the first screen shows its content, and nothing the start
 * asked of the background is still running. The window's background executor runs work in the
 * order asked, so a marker queued once loading is over answers after every load the screens asked
 * for on opening; when those answers asked for more work (a load whose answer is then scored), the
 * marker is queued again, until one comes back with nothing asked in between. The time is taken two
 * frames after that, when the content is laid out and drawn.
 *
 * <p>With {@value #TOUR_PROPERTY}{@code =true} it then shows every screen in turn, each until it is
 * usable in the same sense, prints {@code toured=N}, and shows the first one again before ending (the
 * window reopens on the screen shown last). The packaging scripts make the image's class-data archive
 * and class list from such a run, so that whichever screen the window reopens on finds its classes
 * there (packaging/common.sh, packaging/build-windows.ps1).
 */
final class StartupProbe {

    static final String PROPERTY = "sanlian.startup.probe";
    static final String EXIT_PROPERTY = "sanlian.startup.exit";
    static final String T0_PROPERTY = "sanlian.startup.t0";
    static final String TOUR_PROPERTY = "sanlian.startup.tour";

    private StartupProbe() {
    }

    static void watch(ShellViewModel model, FxTaskExecutor executor) {
        if (System.getProperty(PROPERTY) == null) {
            return;
        }
        Instant processStart = startOfMeasure();
        ChangeListener<Boolean> onLoaded = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (was && !now) {
                    model.loadingProperty().removeListener(this);
                    whenIdle(executor, () -> afterNextFrame(() -> {
                        report(processStart, System.err);
                        if (flag(TOUR_PROPERTY)) {
                            // back to the first screen at the end: the window reopens on the last one shown
                            String first = model.current().id();
                            tour(model, executor, 0, () -> {
                                model.requestScreen(first);
                                exitIfAsked();
                            });
                        } else {
                            exitIfAsked();
                        }
                    }));
                }
            }
        };
        model.loadingProperty().addListener(onLoaded);
    }

    /**
     * Where the measure starts: the moment the script says it started the process (the system property
     * {@value #T0_PROPERTY}, milliseconds since the epoch), else the JVM's own start. The process
     * start the system keeps is rounded to whole seconds of the boot time on Linux, too coarse here.
     */
    private static Instant startOfMeasure() {
        String t0 = System.getProperty(T0_PROPERTY, "");
        if (t0.matches("\\d{10,}")) {
            return Instant.ofEpochMilli(Long.parseLong(t0));
        }
        return Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private static void whenIdle(FxTaskExecutor executor, Runnable then) {
        long before = executor.asked();
        executor.execute(() -> Boolean.TRUE, done -> {
            if (executor.asked() == before + 1) {
                then.run();
            } else {
                whenIdle(executor, then);
            }
        }, e -> then.run());
    }

    private static void afterNextFrame(Runnable then) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // the first frame lays the answer out; the second runs once it was drawn
                if (++frames == 2) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /** Shows the screens from the {@code index}th on, each once its predecessor is usable; then {@code then}. */
    private static void tour(ShellViewModel model, FxTaskExecutor executor, int index, Runnable then) {
        List<ScreenRegistry.Entry> screens = model.screens();
        if (index == screens.size()) {
            System.err.println("toured=" + screens.size());
            System.err.flush();
            then.run();
            return;
        }
        model.requestScreen(screens.get(index).id());
        whenIdle(executor, () -> afterNextFrame(() -> tour(model, executor, index + 1, then)));
    }

    private static void report(Instant processStart, PrintStream out) {
        out.println("usable-ms=" + Duration.between(processStart, Instant.now()).toMillis());
        out.flush();
    }

    private static void exitIfAsked() {
        if (flag(EXIT_PROPERTY)) {
            Platform.exit();
        }
    }

    private static boolean flag(String property) {
        return Optional.ofNullable(System.getProperty(property)).map(Boolean::parseBoolean).orElse(false);
    }
}
