package dev.ringlab.ui;

import dev.ringlab.experiment.Analyses;
import dev.ringlab.ring.algorithm.Algorithm;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;

/**
 * Drives the open window on its own, as a person would, for two purposes: screenshots of the main
 * views for the docs ({@code --screenshots DIR}), and a measurement of the longest FX pulse gap while a
 * 10,000-request A-1 runs ({@code --diagnose-pulse}). It clicks through the window's own controls; every
 * wait happens on this tour's thread, never on the FX thread.
 */
final class WindowTour {

    private final LabWindow window;
    private final Path screenshots;
    private final boolean diagnosePulse;
    private final int requests;
    private final PrintStream out;

    WindowTour(LabWindow window, Path screenshots, boolean diagnosePulse, int requests, PrintStream out) {
        this.window = window;
        this.screenshots = screenshots;
        this.diagnosePulse = diagnosePulse;
        this.requests = requests;
        this.out = out;
    }

    /** Runs the tour on a thread of its own and closes the window at the end. */
    void start(int expectedServers) {
        Thread thread = new Thread(() -> {
            try {
                run(expectedServers);
            } catch (Exception failure) {
                out.println("ringlab: the window tour stopped: " + Failures.reason(failure));
            } finally {
                Platform.runLater(() -> window.stage().hide());
            }
        }, "ringlab-window-tour");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int expectedServers) throws Exception {
        LabWindow lab = window;
        await(() -> lab.session().ring().size() >= expectedServers, 120);
        if (diagnosePulse) {
            // issue 13's target: the window open with its servers up, from the moment the JVM started
            long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            out.printf("window open with %d servers up %d ms after the JVM started (checked every 100 ms)%n",
                    fx(() -> lab.session().ring().size()), System.currentTimeMillis() - started);
        }
        if (screenshots != null) {
            Files.createDirectories(screenshots);
            for (int i = 0; i < 24; i++) {
                lab.session().sendOne();
                Thread.sleep(15);
            }
            fx(() -> {
                button("#sendOne").fire(); // and one by the button, which says where it went
                return null;
            });
            fx(() -> {
                RingPicture picture = lab.ring().picture();
                lab.ring().focusOn(picture.markers().get(picture.markers().size() / 2).slot());
                return null;
            });
            Thread.sleep(300);
            shoot("window-ring.png");
            shootComparison(lab);
        }
        ExperimentsController experiments = window.experiments();
        int servers = Math.max(1, expectedServers);
        fx(() -> {
            selectTab(1);
            experiments.prepare(Analyses.A1, requests, servers);
            return null;
        });
        PulseGaps.Summary inTab = measuredRun(lab, experiments);
        if (diagnosePulse) {
            report("the Experiments tab", inTab, lab, experiments);
        }
        if (screenshots != null) {
            Thread.sleep(300);
            shoot("window-a1.png");
            fx(() -> {
                experiments.prepare(Analyses.A3, requests);
                button("#run").fire();
                return null;
            });
            await(() -> experiments.replacementSeen() || !experiments.isRunning(), 120);
            Thread.sleep(1200);
            shoot("window-a3.png");
            await(() -> !experiments.isRunning(), 600);
        }
        if (diagnosePulse) {
            // The ring on screen while the run goes: every answer flashes on it, every frame repaints it.
            fx(() -> {
                experiments.prepare(Analyses.A1, requests, servers);
                selectTab(0);
                return null;
            });
            report("the Ring tab, requests flashing on it", measuredRun(lab, experiments), lab, experiments);
        }
    }

    /** Lets the tab settle as a person would before pressing Run, then measures the pulses during the run. */
    private PulseGaps.Summary measuredRun(LabWindow lab, ExperimentsController experiments) throws Exception {
        // The measurement is of the run, not of a tab's first layout and paint.
        Thread.sleep(1000);
        // The end is taken on the FX thread as the run's state turns, not at the next 100 ms poll.
        java.util.concurrent.CompletableFuture<Long> ended = new java.util.concurrent.CompletableFuture<>();
        long clicked = fx(() -> {
            lab.pump().resetGaps();
            experiments.running().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> running, Boolean was, Boolean now) {
                    if (!now) {
                        ended.complete(System.nanoTime());
                        running.removeListener(this);
                    }
                }
            });
            button("#run").fire(); // the Run button of the Experiments tab, shown or not
            return System.nanoTime();
        });
        await(() -> !experiments.isRunning(), 600);
        long ran = TimeUnit.NANOSECONDS.toMillis(ended.get(10, TimeUnit.SECONDS) - clicked);
        if (diagnosePulse) {
            out.printf("A-1 in the window: %d ms from Run to its end%n", ran);
        }
        return fx(() -> lab.pump().gaps());
    }

    private void report(String where, PulseGaps.Summary gaps, LabWindow lab, ExperimentsController experiments)
            throws Exception {
        String status = fx(experiments::statusText);
        out.printf("A-1 in the window, %d requests over %d servers on the %s backend, %s: %s%n", requests,
                fx(() -> lab.session().ring().size()), lab.session().cluster().backend().kind().label(), where,
                status);
        out.printf("FX pulses: %d; gap between pulses longest %.1f ms, 99th percentile %.1f ms, %d over %.0f ms;"
                        + " longest frame of the window's own work %.1f ms; %d cores, load average %.1f%n",
                gaps.pulses(), gaps.longestGap(), gaps.gap99(), gaps.gapsOverTarget(), PulseGaps.Summary.TARGET_MILLIS,
                gaps.longestFrame(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void selectTab(int index) {
        ((TabPane) window.stage().getScene().lookup("#views")).getSelectionModel().select(index);
    }

    /** The Compare tab after a run on the defaults, the balancer switched to Maglev, pointing at its table. */
    private void shootComparison(LabWindow lab) throws Exception {
        CompareController comparison = window.comparison();
        fx(() -> {
            selectTab(2);
            button("#runComparison").fire();
            return null;
        });
        await(() -> !comparison.isRunning(), 600);
        route(lab, Algorithm.MAGLEV);
        Thread.sleep(500);
        await(() -> !comparison.drawing(), 120);
        fx(comparison::pointAtStrip);
        Thread.sleep(300);
        shoot("window-compare.png");
        route(lab, Algorithm.RING); // the experiments after this one are about the ring
    }

    /** Picks the balancer's placement in the status strip's selector, as a person would, and waits for it. */
    private void route(LabWindow lab, Algorithm algorithm) throws Exception {
        fx(() -> {
            @SuppressWarnings("unchecked")
            var choice = (javafx.scene.control.ChoiceBox<Algorithm>) window.stage().getScene().lookup("#algorithmChoice");
            choice.setValue(algorithm);
            return null;
        });
        await(() -> lab.session().algorithm() == algorithm, 60);
    }

    private Button button(String id) {
        return (Button) window.stage().getScene().lookup(id);
    }

    private void shoot(String name) throws Exception {
        WritableImage image = fx(() -> PngFile.snapshot(window.stage().getScene().getRoot()));
        Path file = screenshots.resolve(name);
        try {
            PngFile.write(image, file.toFile());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        out.println("wrote " + file);
    }

    private static <T> T fx(Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error failure) {
                result.completeExceptionally(failure);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failure) {
            throw (Exception) (failure.getCause() instanceof Exception e ? e : failure);
        }
    }

    private static void await(Callable<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("gave up after " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
