package dev.ringlab.balancer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/**
 * The balancer's own JSON answers, as records: Jackson writes their components in declaration
 * order, which is the classic API's order ({@code message} before {@code status}).
 */
final class JsonAnswer {

    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private JsonAnswer() {
    }

    /** {@code {"message":"<Error> ...","status":"failure"}}: every error the balancer answers itself. */
    record Failure(String message, String status) {
        static Failure because(String reason) {
            return new Failure("<Error> " + reason, "failure");
        }
    }

    /** {@code {"message":...,"status":"successful"}}. */
    record Success<T>(T message, String status) {
        static <T> Success<T> of(T message) {
            return new Success<>(message, "successful");
        }
    }

    /** The message of {@code /rep}, {@code /add} and {@code /rm}: {@code {"N":3,"replicas":[...]}}. */
    record Membership(@JsonProperty("N") int n, List<String> replicas) {
    }

    /** The message of {@code /weights}: {@code {"N":3,"replicas":[...],"weights":[...]}}, weights aligned with replicas. */
    record WeightedMembership(@JsonProperty("N") int n, List<String> replicas, List<Integer> weights) {
    }

    /** The message of {@code /replicas}: {@code {"N":3,"replicas":[{"name":..,"address":..,"node":..,...}]}}. */
    record Placed(@JsonProperty("N") int n, List<ReplicaPlace> replicas) {
    }

    /** One server and where it runs; {@code node} is the Swarm node's name, null on one machine; address null while it starts. */
    record ReplicaPlace(String name, String address, String node, @JsonProperty("backend_id") String backendId, int weight) {
    }

    /** The message of {@code /fault}: the server's injected failure as it stands now. */
    record FaultState(String hostname, boolean frozen, @JsonProperty("latency_ms") long latencyMs,
                      @JsonProperty("error_rate") double errorRate) {
        FaultState(String hostname, boolean frozen, dev.ringlab.cluster.Fault fault) {
            this(hostname, frozen, fault.latencyMs(), fault.errorRate());
        }
    }

    /** The message of {@code /algorithm}: the placement routed by now and every one it could be. */
    record AlgorithmChoice(String algorithm, List<String> known) {
    }

    static byte[] failure(String reason) {
        return bytes(Failure.because(reason));
    }

    static byte[] success(Object message) {
        return bytes(Success.of(message));
    }

    static byte[] bytes(Object answer) {
        try {
            return WRITER.writeValueAsBytes(answer);
        } catch (JsonProcessingException impossible) { // records of strings, numbers and lists always write
            throw new IllegalStateException(impossible);
        }
    }
}
