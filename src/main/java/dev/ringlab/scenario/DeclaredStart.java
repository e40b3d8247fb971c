package dev.ringlab.scenario;

import dev.ringlab.experiment.Membership;
import dev.ringlab.experiment.Testbed;
import dev.ringlab.experiment.TestbedException;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.ring.Server;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A lesson starts where its file says, as a fresh headless lab does: {@code servers: 3} means Server 1,
 * Server 2 and Server 3, joined in that order, on the file's ring. A testbed borrowed from a running
 * cluster (the window's) keeps the owner's names (after a kill the window has Server 1, 3 and 4), so a
 * step naming Server 2 would find nobody; wrapped here, each testbed is renamed to the lesson's servers
 * right after it opens. Its close gives the owner's servers back exactly (the window's ClusterLoan), even
 * when the lesson kept none of them.
 */
public final class DeclaredStart {

    /** Joins for a moment when none of the owner's servers can stay: a cluster never lets its last one go. */
    static final String STAND_IN = "lesson-stand-in";

    private DeclaredStart() {
    }

    /** Testbeds from {@code testbeds}, each holding exactly Server 1..N in that order once open. */
    public static TestbedFactory of(TestbedFactory testbeds) {
        return (ring, servers) -> {
            Testbed testbed = testbeds.open(ring, servers);
            try {
                shape(testbed.membership(), servers);
                return testbed;
            } catch (RuntimeException failure) {
                testbed.close();
                throw new TestbedException("the lesson starts on " + String.join(", ", names(servers))
                        + ", but " + testbed.description() + " could not be given those servers: "
                        + failure.getMessage(), failure);
            }
        };
    }

    /**
     * The lesson routes by its file's algorithm, the ring when it names none, as a fresh lab does: a lab
     * borrowed from a window routes by whatever the teacher chose, and gives that back when it closes. A
     * testbed that holds no placement of its own (a balancer reached over HTTP) routes by the ring already.
     */
    static void routeBy(dev.ringlab.ring.algorithm.Algorithm algorithm, Testbed lab) {
        try {
            lab.use(algorithm);
        } catch (TestbedException cannotSwitch) {
            if (algorithm != dev.ringlab.ring.algorithm.Algorithm.RING) {
                throw cannotSwitch;
            }
        }
    }

    /** Server 1..n, the names a fresh lab's servers get. */
    static List<String> names(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(Server::defaultName).toList();
    }

    /**
     * Keeps the servers that already stand where the lesson wants them (a matching prefix, so "the most
     * recently joined" means the same server as in a fresh lab), and replaces the rest by name.
     */
    static void shape(Membership membership, int n) {
        List<String> wanted = names(n);
        List<String> now = membership.servers();
        if (!now.equals(wanted)) {
            rename(membership, now, wanted);
        }
        membership.countIdsOnFromHighest(); // its first replacement is Server N+1, as the captions say
    }

    private static void rename(Membership membership, List<String> now, List<String> wanted) {
        int kept = 0;
        while (kept < Math.min(now.size(), wanted.size()) && now.get(kept).equals(wanted.get(kept))) {
            kept++;
        }
        if (kept == 0 && !now.isEmpty()) {
            membership.addNamed(List.of(STAND_IN));
            membership.removeNamed(now);
            membership.addNamed(wanted);
            membership.removeNamed(List.of(STAND_IN));
            return;
        }
        if (kept > 0 && kept < now.size()) {
            membership.removeNamed(now.subList(kept, now.size()));
        }
        if (kept < wanted.size()) {
            membership.addNamed(wanted.subList(kept, wanted.size()));
        }
    }
}
