package dev.ringlab.experiment.agreement;

import dev.ringlab.ring.RingSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Measures whether two balancers route keys alike while their membership changes: a sampler looks at
 * both rings every {@code period} and counts the keys (seeded six-digit ids, as in A-1) they would
 * send to different servers; each change is asked for, then the run waits until the rings agree and
 * have stayed unchanged for {@code settle}. Rings are compared, not HTTP answers: every request a
 * balancer routes reads exactly that ring, and a ring is looked at in microseconds, so short
 * disagreements are not missed between requests.
 */
public final class AgreementRun {

    /**
     * One membership change: makes it happen (it may block) and says what it did ("kill Server 2"),
     * which may depend on the membership at that moment.
     */
    public interface Change {
        String make();
    }

    private final Supplier<RingSnapshot> first;
    private final Supplier<RingSnapshot> second;
    private final long[] keys;
    private final Duration period;
    private final Duration settle;
    private final Duration timeout;

    public AgreementRun(Supplier<RingSnapshot> first, Supplier<RingSnapshot> second, int keys, long seed,
                        Duration period, Duration settle, Duration timeout) {
        if (keys < 1) {
            throw new IllegalArgumentException("keys must be at least 1, got " + keys);
        }
        if (period.isNegative() || period.isZero() || settle.isNegative() || timeout.compareTo(settle) <= 0) {
            throw new IllegalArgumentException("period must be positive and the timeout longer than the settle time");
        }
        this.first = first;
        this.second = second;
        Random random = new Random(seed);
        this.keys = random.longs(keys, 100_000, 1_000_000).toArray();
        this.period = period;
        this.settle = settle;
        this.timeout = timeout;
    }

    /** Runs the changes one after the other; throws if the rings do not agree within the timeout after one. */
    public AgreementReport run(List<Change> changes) throws InterruptedException {
        List<AgreementSample> samples = new CopyOnWriteArrayList<>();
        Sampler sampler = new Sampler(samples);
        Thread thread = new Thread(sampler, "ringlab-agreement-sampler");
        thread.setDaemon(true);
        thread.start();
        List<String> labels = new ArrayList<>();
        try {
            awaitSettled(sampler);
            for (int i = 0; i < changes.size(); i++) {
                sampler.change = i;
                labels.add(changes.get(i).make());
                awaitSettled(sampler);
            }
        } finally {
            sampler.running = false;
            thread.join(5_000);
        }
        List<ChangeAgreement> results = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            results.add(summarise(labels.get(i), i, samples));
        }
        return new AgreementReport(keys.length, samples, results);
    }

    private static ChangeAgreement summarise(String label, int change, List<AgreementSample> samples) {
        int max = 0;
        double disagree = 0;
        double longest = 0;
        double stretchStart = -1;
        int stretches = 0;
        AgreementSample previous = null;
        for (AgreementSample sample : samples) {
            if (sample.change() != change) {
                continue;
            }
            max = Math.max(max, sample.differing());
            if (previous != null && previous.differing() > 0) {
                disagree += sample.atMillis() - previous.atMillis();
            }
            if (sample.differing() > 0) {
                if (stretchStart < 0) {
                    stretchStart = sample.atMillis();
                    stretches++;
                }
            } else if (stretchStart >= 0) {
                longest = Math.max(longest, sample.atMillis() - stretchStart);
                stretchStart = -1;
            }
            previous = sample;
        }
        if (stretchStart >= 0 && previous != null) {
            longest = Math.max(longest, previous.atMillis() - stretchStart);
        }
        return new ChangeAgreement(label, max, disagree, longest, stretches);
    }

    /**
     * Until both rings are the same and neither changed for {@code settle}, judged by samples taken
     * after this call: the flags of a sample from before a change would say all is well at once.
     */
    private void awaitSettled(Sampler sampler) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long fresh = sampler.taken + 1;
        while (!(sampler.taken > fresh && sampler.agreeing && sampler.stableForMillis() >= settle.toMillis())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the two rings did not agree within " + timeout.toSeconds() + " s ("
                        + first.get().servers() + " against " + second.get().servers() + ")");
            }
            Thread.sleep(Math.max(1, period.toMillis()));
        }
    }

    private int differing(RingSnapshot a, RingSnapshot b) {
        int count = 0;
        for (long key : keys) {
            if (a.isEmpty() != b.isEmpty() || !a.isEmpty() && !a.route(key).equals(b.route(key))) {
                count++;
            }
        }
        return count;
    }

    /** Looks at both rings every period; recounts only when either ring changed. */
    private final class Sampler implements Runnable {

        private final List<AgreementSample> samples;
        private final long start = System.nanoTime();
        private volatile boolean running = true;
        private volatile boolean agreeing;
        private volatile long lastChangeNanos = System.nanoTime();
        private volatile int change = -1;
        /** Samples completed; a sample counted after a moment was begun after it. */
        private volatile long taken;

        Sampler(List<AgreementSample> samples) {
            this.samples = samples;
        }

        double nowMillis() {
            return (System.nanoTime() - start) / 1e6;
        }

        long stableForMillis() {
            return (System.nanoTime() - lastChangeNanos) / 1_000_000;
        }

        @Override
        public void run() {
            RingSnapshot lastA = null;
            RingSnapshot lastB = null;
            int differing = 0;
            while (running) {
                RingSnapshot a = first.get();
                RingSnapshot b = second.get();
                if (a != lastA || b != lastB) {
                    differing = differing(a, b);
                    lastA = a;
                    lastB = b;
                    lastChangeNanos = System.nanoTime();
                }
                agreeing = differing == 0;
                samples.add(new AgreementSample(nowMillis(), change, differing, a.size(), b.size()));
                taken++;
                try {
                    Thread.sleep(period.toMillis(), (int) (period.toNanos() % 1_000_000));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
