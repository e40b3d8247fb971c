package dev.ringlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.ring.RingSnapshot;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The servers of a balancer that runs elsewhere, through its classic API: {@code /rep}, {@code /add}, {@code /rm}. */
final class RemoteMembership implements Membership {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final URI balancer;
    private final String adminToken;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    RemoteMembership(URI balancer, String adminToken, OkHttpClient http) {
        this.balancer = balancer;
        this.adminToken = adminToken;
        this.http = http;
    }

    @Override
    public List<String> servers() {
        return replicasIn(call(new Request.Builder().url(balancer + "/rep").get()));
    }

    /** A remote balancer's ring is not visible from here. */
    @Override
    public RingSnapshot ring() {
        return null;
    }

    @Override
    public void add(int n) {
        call(admin("/add").post(body(Map.of("n", n))));
    }

    /** One {@code /add}; the classic body when nothing is named or weighted, understood by any balancer. */
    @Override
    public void add(int n, List<String> hostnames, List<Integer> weights) {
        if (weights.stream().allMatch(weight -> weight == 1)) {
            call(admin("/add").post(body(hostnames.isEmpty() ? Map.of("n", n) : Map.of("n", n, "hostnames", hostnames))));
        } else {
            call(admin("/add").post(body(Map.of("n", n, "hostnames", hostnames, "weights", weights))));
        }
    }

    @Override
    public void remove(int n) {
        List<String> names = servers();
        if (n > names.size()) {
            throw new TestbedException("cannot remove " + n + " of " + names.size() + " servers");
        }
        List<String> newest = new ArrayList<>(names.subList(names.size() - n, names.size()));
        call(admin("/rm").delete(body(Map.of("n", n, "hostnames", newest))));
    }

    /**
     * Names the classic API takes back as hostnames return under them; a generated name ({@code Server 3})
     * is refused by {@code /add} as a hostname, so the balancer generates a new one in its place.
     */
    @Override
    public void addNamed(List<String> names) {
        List<String> hostnames = names.stream().filter(name -> Cluster.HOSTNAME.matcher(name).matches()).toList();
        call(admin("/add").post(body(Map.of("n", names.size(), "hostnames", hostnames))));
    }

    /**
     * As {@link #addNamed(List)}, with each server's weight: {@code /add} takes the weights in the order the
     * servers are named, the hostnames first, then the generated names.
     */
    @Override
    public void addNamed(List<String> names, List<Integer> weights) {
        List<String> hostnames = new ArrayList<>();
        List<Integer> ordered = new ArrayList<>();
        List<Integer> generated = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int weight = i < weights.size() ? weights.get(i) : 1;
            if (Cluster.HOSTNAME.matcher(names.get(i)).matches()) {
                hostnames.add(names.get(i));
                ordered.add(weight);
            } else {
                generated.add(weight);
            }
        }
        ordered.addAll(generated);
        if (ordered.stream().allMatch(weight -> weight == 1)) {
            addNamed(names); // the classic request, understood by any balancer
            return;
        }
        call(admin("/add").post(body(Map.of("n", names.size(), "hostnames", hostnames, "weights", ordered))));
    }

    /** From {@code GET /weights}; a balancer without it (an older one, another implementation) weighs all 1. */
    @Override
    public Map<String, Integer> weights() {
        Request built = new Request.Builder().url(balancer + "/weights").get().build();
        try (Response response = http.newCall(built).execute()) {
            if (!response.isSuccessful()) {
                return Membership.super.weights();
            }
            JsonNode message = json.readTree(response.body().string()).path("message");
            JsonNode replicas = message.path("replicas");
            JsonNode weights = message.path("weights");
            Map<String, Integer> found = new java.util.LinkedHashMap<>();
            for (int i = 0; i < replicas.size(); i++) {
                found.put(replicas.get(i).asText(), weights.path(i).asInt(1));
            }
            return found;
        } catch (IOException unreachable) {
            throw new TestbedException("cannot reach the balancer at " + balancer + ": " + unreachable.getMessage(),
                    unreachable);
        }
    }

    @Override
    public void removeNamed(List<String> names) {
        call(admin("/rm").delete(body(Map.of("n", names.size(), "hostnames", List.copyOf(names)))));
    }

    /** The classic API has no way to change a running balancer's ring. */
    @Override
    public void reshape(dev.ringlab.ring.RingConfig ring) {
        throw new TestbedException("a balancer reached with --target keeps the ring it was started with");
    }

    @Override
    public String kill(String server) {
        throw new TestbedException("a balancer reached with --target cannot crash one of its replicas (its API has no kill);"
                + " run a3 with --backend process or sim, or kill the replica yourself");
    }

    @Override
    public void freeze(String server) {
        call(admin("/fault").post(body(Map.of("hostname", server, "freeze", true))));
    }

    @Override
    public void thaw(String server) {
        call(admin("/fault").post(body(Map.of("hostname", server, "freeze", false))));
    }

    @Override
    public void fault(String server, dev.ringlab.cluster.Fault fault) {
        call(admin("/fault").post(body(Map.of("hostname", server, "latency_ms", fault.latencyMs(),
                "error_rate", fault.errorRate()))));
    }

    @Override
    public void clear(String server) {
        call(admin("/fault").post(body(Map.of("hostname", server, "clear", true))));
    }

    /** A remote balancer sends no events; its log shows them. */
    @Override
    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        return () -> { };
    }

    private Request.Builder admin(String path) {
        Request.Builder request = new Request.Builder().url(balancer + path);
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return request;
    }

    private RequestBody body(Map<String, Object> fields) {
        try {
            return RequestBody.create(json.writeValueAsBytes(fields), JSON_TYPE);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private JsonNode call(Request.Builder request) {
        Request built = request.build();
        try (Response response = http.newCall(built).execute()) {
            String text = response.body().string();
            JsonNode answer;
            try {
                answer = json.readTree(text);
            } catch (IOException notJson) {
                throw new TestbedException(built.method() + " " + built.url() + " answered " + response.code()
                        + " with something that is not the balancer API's JSON");
            }
            if (!response.isSuccessful()) {
                throw new TestbedException(built.method() + " " + built.url().encodedPath() + " failed with "
                        + response.code() + ": " + answer.path("message").asText(text));
            }
            return answer;
        } catch (IOException unreachable) {
            throw new TestbedException("cannot reach the balancer at " + balancer + ": " + unreachable.getMessage(),
                    unreachable);
        }
    }

    private static List<String> replicasIn(JsonNode answer) {
        JsonNode replicas = answer.path("message").path("replicas");
        if (!replicas.isArray()) {
            throw new TestbedException("the balancer's /rep answer has no replica list: " + answer);
        }
        List<String> names = new ArrayList<>();
        replicas.forEach(name -> names.add(name.asText()));
        return names;
    }
}
