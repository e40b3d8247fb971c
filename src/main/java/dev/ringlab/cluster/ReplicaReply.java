package dev.ringlab.cluster;

/** What a replica answered: status, content type and body, passed through by the balancer as is. */
public record ReplicaReply(int status, String contentType, byte[] body) {

    public static final String JSON = "application/json";

    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
