package dev.ringlab.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to the engine's {@code die} events of the containers carrying some labels,
 * resubscribed (from the last event seen) after a drop until closed. The Docker backend watches its
 * containers with it, the Swarm backend its tasks' containers on the local node.
 */
public final class ContainerDeaths implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerDeaths.class);

    private final Map<String, String> labels;
    private final Consumer<Event> onDie;
    private final DockerClient events;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringlab-docker-events");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ResultCallback.Adapter<Event> subscription;
    private volatile long lastEventSeconds = Instant.now().getEpochSecond();
    private volatile boolean stopped;
    private volatile long retryMillis = 500;

    private ContainerDeaths(DockerEngine engine, Map<String, String> labels, Consumer<Event> onDie) {
        this.labels = Map.copyOf(labels);
        this.onDie = onDie;
        this.events = engine.events();
    }

    /** Starts watching; {@code onDie} runs on the event stream's thread and must not block. */
    public static ContainerDeaths watch(DockerEngine engine, Map<String, String> labels, Consumer<Event> onDie) {
        ContainerDeaths deaths = new ContainerDeaths(engine, labels, onDie);
        deaths.subscribe();
        return deaths;
    }

    /** How a container ended, from its die event: "exited with code 137", or "ended". */
    public static String exitOf(Event event) {
        Map<String, String> attributes = event.getActor() == null ? null : event.getActor().getAttributes();
        String code = attributes == null ? null : attributes.get("exitCode");
        return code == null ? "ended" : "exited with code " + code;
    }

    private void subscribe() {
        if (stopped) {
            return;
        }
        subscription = events.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter("die")
                .withLabelFilter(labels)
                .withSince(Long.toString(lastEventSeconds))
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onStart(Closeable stream) {
                        super.onStart(stream);
                        retryMillis = 500; // the engine answers again
                    }

                    @Override
                    public void onNext(Event event) {
                        if (event.getTime() != null) {
                            lastEventSeconds = event.getTime();
                        }
                        onDie.accept(event);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        if (!stopped) {
                            LOG.debug("Docker event stream dropped: {}", failure.toString());
                        }
                        resubscribe();
                    }

                    @Override
                    public void onComplete() {
                        resubscribe();
                    }
                });
    }

    /** After a drop: 0.5 s, doubling up to 8 s while the engine stays away, so a stopped engine is not polled in a loop. */
    private void resubscribe() {
        if (!stopped) {
            long wait = retryMillis;
            retryMillis = Math.min(8_000, retryMillis * 2);
            retry.schedule(this::subscribe, wait, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        stopped = true;
        retry.shutdownNow();
        ResultCallback.Adapter<Event> current = subscription;
        if (current != null) {
            closeQuietly(current);
        }
        closeQuietly(events);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing to release beyond connections
        }
    }
}
