package dev.ringlab.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * A gray failure injected into one replica: {@code latencyMs} added to every {@code /home} and a
 * share {@code errorRate} of them answered 500, while {@code /heartbeat} still answers at once.
 * {@link #NONE} clears it. The limits are the issue's: at most a minute (beyond it, freeze the server
 * instead), a rate within 0..1.
 */
public record Fault(long latencyMs, double errorRate) {

    public static final long MAX_LATENCY_MS = 60_000;
    public static final Fault NONE = new Fault(0, 0);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Fault {
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new ClusterException("latency must be within 0.." + MAX_LATENCY_MS + " ms, got " + latencyMs);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new ClusterException("error rate must be within 0..1, got " + errorRate);
        }
    }

    public boolean isNone() {
        return latencyMs == 0 && errorRate == 0;
    }

    /** The body of the replica's {@code POST /fault}. */
    String json() {
        return String.format(Locale.ROOT, "{\"latency_ms\":%d,\"error_rate\":%s}", latencyMs, errorRate);
    }

    public String describe() {
        return isNone() ? "no fault" : String.format(Locale.ROOT, "%d ms latency, %.0f%% errors", latencyMs, errorRate * 100);
    }

    /** Sets this fault on a replica that answers HTTP (a process or a container), through its {@code POST /fault}. */
    void sendTo(Replica replica) {
        if (replica.address() == null) {
            throw new BackendException(replica.server() + " has no HTTP address to send a fault to");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.address() + "/fault"))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json()))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new BackendException(replica.server() + " refused the fault: " + answer.body());
            }
        } catch (java.io.IOException unreachable) {
            throw new BackendException(replica.server() + " did not take the fault: " + unreachable.getMessage(), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while sending a fault to " + replica.server());
        }
    }
}
