package dev.ringlab.cluster;

import dev.ringlab.ring.KeyMigration;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.time.Instant;

/** Everything that happens to the cluster, in the order it happened; the window, the CLI and A-3 read these. */
public sealed interface ClusterEvent {

    Instant at();

    /** One line for a log. */
    String describe();

    /** A replica is starting; {@code replaces} is the dead server it stands in for, or null. */
    record MemberStarting(Instant at, Server server, Server replaces) implements ClusterEvent {
        public String describe() {
            return replaces == null ? server + " starting" : server + " starting to replace " + replaces;
        }
    }

    /** A replica answered its first heartbeat and joined the ring. */
    record MemberUp(Instant at, Member member, Server replaces) implements ClusterEvent {
        public String describe() {
            // "up at http://…" for a replica with an address; a simulated one is just "up (in memory)"
            String where = member.replica().address() == null ? " up (in memory)" : " up at " + member.replica().placeText();
            return replaces == null ? member.server() + where : member.server() + where + ", replacing " + replaces;
        }
    }

    /** A user asked for a crash (SIGKILL); the health monitor has yet to notice. */
    record MemberKilled(Instant at, Server server) implements ClusterEvent {
        public String describe() {
            return server + " killed";
        }
    }

    /**
     * A user froze, thawed, slowed or cleared a server ({@code what}: "frozen", "thawed", "200 ms latency,
     * 10% errors", "no fault"); like a kill, the health checks have yet to notice, or never will.
     */
    record MemberFaulted(Instant at, Server server, String what) implements ClusterEvent {
        public String describe() {
            return server + ": " + what;
        }
    }

    /** A server missed too many heartbeats (or its container died) and left the ring. */
    record MemberDead(Instant at, Server server, String reason) implements ClusterEvent {
        public String describe() {
            return server + " declared dead (" + reason + ")";
        }
    }

    /** A server was removed on purpose and its replica stopped. */
    record MemberRemoved(Instant at, Server server) implements ClusterEvent {
        public String describe() {
            return server + " removed";
        }
    }

    /**
     * The ring changed; {@code migration} says which slots changed owner, or is null when the slot count
     * changed (no slot of one ring is a slot of the other: every key is hashed again).
     */
    record RingChanged(Instant at, RingSnapshot before, RingSnapshot after, KeyMigration migration)
            implements ClusterEvent {
        public String describe() {
            if (migration == null) {
                return String.format("ring v%d: %s, %d slots instead of %d: every key hashed again",
                        after.version(), servers(after.size()), after.config().slots(), before.config().slots());
            }
            if (before.isEmpty()) {
                return String.format("ring v%d: %s, the first on the ring: every slot gets its first owner",
                        after.version(), servers(after.size()));
            }
            if (after.isEmpty()) {
                return String.format("ring v%d: no servers left, no slot has an owner", after.version());
            }
            return String.format("ring v%d: %s, %.1f%% of slots moved (ideal %.1f%%)", after.version(),
                    servers(after.size()), 100 * migration.movedShare(), 100 * migration.idealShare());
        }
    }

    private static String servers(int count) {
        return count == 1 ? "1 server" : count + " servers";
    }

    /** The backend failed at something; the ring is as it was. */
    record BackendFailed(Instant at, String message) implements ClusterEvent {
        public String describe() {
            return "backend: " + message;
        }
    }

    /**
     * A replacement failed to start (or died while starting); what it left is cleaned up and the dead
     * server is owed again, after {@code retryIn}.
     */
    record ReplacementFailed(Instant at, Server server, Server replaces, String reason, int failures,
                             java.time.Duration retryIn) implements ClusterEvent {
        public String describe() {
            String forWhom = replaces == null ? "" : " (replacing " + replaces + ")";
            return server + forWhom + " failed to start: " + reason + "; attempt " + (failures + 1) + " in "
                    + String.format(java.util.Locale.ROOT, "%.1f", retryIn.toMillis() / 1000.0) + " s";
        }
    }

    /** The backend answers again after it did not; owed replacements go on. */
    record BackendRecovered(Instant at, String message) implements ClusterEvent {
        public String describe() {
            return "backend: " + message;
        }
    }
}
