package dev.ringlab.scenario;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.algorithm.Algorithm;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What one step of a scenario does; each kind says which figures it measures for {@code expect}. */
public sealed interface Action {

    /** Figures every step has: the servers on the ring when it ends. */
    Set<String> MEMBERSHIP = Set.of("servers");

    /** The key that names it in a file: add, remove, kill, freeze, thaw, slow, clear, replacement, wait, send, ring, analysis. */
    String name();

    /** One line for the handout: "kill Server 2". */
    String summary();

    /** The figures it measures, which {@code expect} may check. */
    Set<String> metrics();

    /** A step that does one thing to one server, named in the file: "kill Server 2". */
    sealed interface OnServer extends Action permits Kill, Freeze, Thaw {
        String server();

        default String summary() {
            return name() + " " + server();
        }

        default Set<String> metrics() {
            return MEMBERSHIP;
        }
    }

    /**
     * Starts {@code count} servers, as the classic {@code /add} does: first the {@code servers} named (names
     * of one's own, {@code S5}), then generated names (Server 4, Server 5, ...), each of the weight at its
     * place in {@code weights} (1 past the list's end; a list of only 1s is kept as none).
     */
    record Add(int count, List<String> servers, List<Integer> weights) implements Action {
        public Add {
            servers = List.copyOf(servers);
            weights = weights.stream().allMatch(weight -> weight == 1) ? List.of() : List.copyOf(weights);
            if (count < Math.max(1, servers.size()) || weights.size() > count) {
                throw new IllegalArgumentException("an add of " + count + " servers cannot name " + servers
                        + " or weigh " + weights);
            }
        }

        /** {@code count} servers with generated names, each of weight 1. */
        public Add(int count) {
            this(count, List.of(), List.of());
        }

        public String name() {
            return "add";
        }

        /** The weight of the {@code index}th server this step starts, the named ones first. */
        public int weightOf(int index) {
            return index < weights.size() ? weights.get(index) : 1;
        }

        int totalWeight() {
            int total = 0;
            for (int i = 0; i < count; i++) {
                total += weightOf(i);
            }
            return total;
        }

        /** Whether it names no server and weighs every one 1: the file's plain {@code add: N}. */
        public boolean plain() {
            return servers.isEmpty() && weights.isEmpty();
        }

        /**
         * This step with one more server after its own ({@code name} null: a generated one), or null when one
         * step cannot start them in that order: a step starts its named servers before its generated ones.
         */
        public Add then(String name, int weight) {
            if (name != null && count > servers.size()) {
                return null;
            }
            List<String> names = new java.util.ArrayList<>(servers);
            List<Integer> all = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(weightOf(i));
            }
            if (name != null) {
                names.add(name);
            }
            all.add(weight); // named ones only join a step of named ones: either way, last
            return new Add(count + 1, names, all);
        }

        public String summary() {
            List<String> parts = new java.util.ArrayList<>();
            for (int i = 0; i < servers.size(); i++) {
                parts.add(servers.get(i) + (weightOf(i) == 1 ? "" : " (weight " + weightOf(i) + ")"));
            }
            int generated = count - servers.size();
            if (generated > 0) {
                List<Integer> generatedWeights = new java.util.ArrayList<>();
                for (int i = servers.size(); i < count; i++) {
                    generatedWeights.add(weightOf(i));
                }
                parts.add(generated + (generated == 1 ? " server" : " servers")
                        + (generatedWeights.stream().allMatch(weight -> weight == 1) ? ""
                        : " (weight" + (generated == 1 ? " " : "s ") + generatedWeights.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")"));
            }
            return "add " + String.join(" and ", parts);
        }

        public Set<String> metrics() {
            return MEMBERSHIP;
        }
    }

    /** Takes the named servers off the ring, or the {@code count} most recently joined when none is named. */
    record Remove(List<String> servers, int count) implements Action {
        public Remove {
            servers = List.copyOf(servers);
        }

        public String name() {
            return "remove";
        }

        public String summary() {
            return servers.isEmpty() ? "remove the " + count + " newest server" + (count == 1 ? "" : "s")
                    : "remove " + String.join(", ", servers);
        }

        public Set<String> metrics() {
            return MEMBERSHIP;
        }
    }

    /** Crashes a server's replica without telling the cluster: the health monitor has to notice. */
    record Kill(String server) implements OnServer {
        public String name() {
            return "kill";
        }
    }

    /**
     * Freezes a server's replica (SIGSTOP, {@code docker pause}): a hung server that keeps its port. The
     * heartbeats time out, so after the health monitor's {@code fall} misses it is declared dead and replaced.
     */
    record Freeze(String server) implements OnServer {
        public String name() {
            return "freeze";
        }
    }

    /** Lets a frozen server run again; thawed before it is declared dead, it keeps its place on the ring. */
    record Thaw(String server) implements OnServer {
        public String name() {
            return "thaw";
        }
    }

    /**
     * A gray failure: {@code latencyMs} added to every {@code /home} of the server and a share
     * {@code errorRate} of them answered 500, while its heartbeats stay prompt, so it stays on the ring.
     */
    record Slow(String server, long latencyMs, double errorRate) implements Action {
        public String name() {
            return "slow";
        }

        public String summary() {
            String latency = latencyMs > 0 ? "+" + Figures.number(latencyMs) + " ms" : "";
            String errors = errorRate > 0 ? Figures.number(errorRate * 100) + "% errors" : "";
            return "slow " + server + ": " + latency + (latency.isEmpty() || errors.isEmpty() ? "" : ", ") + errors;
        }

        public Set<String> metrics() {
            return MEMBERSHIP;
        }
    }

    /** Takes every fault off a server: thawed if frozen, no added latency, no errors. */
    record Clear(String server) implements Action {
        public String name() {
            return "clear";
        }

        public String summary() {
            return "clear the faults of " + server;
        }

        public Set<String> metrics() {
            return MEMBERSHIP;
        }
    }

    /**
     * Holds the replacement of dead servers ({@code replacement: hold}), so the ring shows a killed server
     * gone before anyone takes its place, or releases it ({@code replacement: release}), which starts every
     * replacement held. The cluster's own switch, as the window's "Hold replacement".
     */
    record Replacement(boolean hold) implements Action {
        public String name() {
            return "replacement";
        }

        public String summary() {
            return hold ? "hold replacements: a dead server stays dead" : "release replacements";
        }

        public Set<String> metrics() {
            return MEMBERSHIP;
        }
    }

    /**
     * Waits a fixed time, or until something happened to a server ({@code detected}: declared dead;
     * {@code replaced}: its replacement is on the ring), at most {@code timeout}.
     */
    record Wait(Duration duration, Until until, String server, Duration timeout) implements Action {
        public enum Until {
            DETECTED, REPLACED;

            String label() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public String name() {
            return "wait";
        }

        public String summary() {
            return until == null ? "wait " + Durations.text(duration)
                    : "wait until " + server + " is " + until.label() + " (at most " + Durations.text(timeout) + ")";
        }

        public Set<String> metrics() {
            return Set.of("servers", "waited_ms");
        }
    }

    /**
     * Sends {@code requests} random six-digit request ids drawn from {@code seed} (null: the scenario's),
     * from {@code concurrency} threads, at {@code rate} per second (0: as fast as answered). When an
     * earlier send sent the same requests, {@code moved} counts those now answered by another server.
     */
    record Send(int requests, Long seed, int concurrency, int rate) implements Action {
        static final Set<String> FIGURES = Set.of("servers", "sent", "ok", "failed", "retried", "busiest_over_mean",
                "busiest_share", "min", "max", "answering", "moved", "moved_share", "median_ms", "p99_ms", "max_ms");

        public String name() {
            return "send";
        }

        public String summary() {
            return "send " + Figures.number(requests) + " requests" + (rate > 0 ? " at " + Figures.number(rate) + "/s" : "")
                    + (concurrency > 1 ? " from " + concurrency + " threads" : "");
        }

        public Set<String> metrics() {
            return FIGURES;
        }
    }

    /** Rebuilds the running ring under a new shape and/or placement algorithm, with the same servers. */
    record Reshape(RingConfig ring, Algorithm algorithm) implements Action {
        public String name() {
            return "ring";
        }

        public String summary() {
            return "reshape the ring: " + Scenario.describe(ring, algorithm);
        }

        public Set<String> metrics() {
            return Set.of("servers", "moved_slots");
        }
    }

    /** Runs one analysis on fresh testbeds of the scenario's backend, as the original project ran it. */
    record Analysis(AnalysisPlan plan) implements Action {
        public String name() {
            return "analysis";
        }

        public String summary() {
            return plan.summary();
        }

        public Set<String> metrics() {
            return plan.metrics();
        }
    }
}
