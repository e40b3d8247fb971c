package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.balancer.RawConnection.Received;
import dev.ringlab.balancer.RunningBalancer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11's reproductions, on real sockets against real replica processes: bad URLs, bodies over the
 * limit, ambiguous JSON and a replica's HTML error all get the balancer's JSON error with the right
 * status, are counted, and change nothing.
 */
class EveryAnswerIsJsonTest {

    private static final Pattern ERROR = Pattern.compile("\\{\"message\":\"<Error> [^\"]+\",\"status\":\"failure\"}");
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static RunningBalancer balancer;

    @BeforeAll
    static void start() throws Exception {
        balancer = RunningBalancer.start(3, true, null);
    }

    @AfterAll
    static void stop() {
        balancer.close();
    }

    @Test
    void anInvalidPercentEscapeIsAJson400AndCounted() throws Exception {
        double before = errors("bad_request");
        try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
            // as curl sends it; Java's HTTP client refuses to build such a URL at all
            Received received = connection.send("GET /home?key=%zz HTTP/1.1\r\nHost: a\r\n\r\n").readAnswer(QUIET);

            assertThat(statuses(received.text())).containsExactly(400);
            assertThat(received.text()).containsIgnoringCase("content-type: application/json");
            assertThat(jsonBodies(received.text())).containsExactly("{\"message\":\"<Error> malformed URL: '%zz' at"
                    + " position 11 is not a percent escape (write % as %25)\",\"status\":\"failure\"}");
        }
        assertThat(errors("bad_request")).isEqualTo(before + 1);
    }

    @Test
    void pipelinedBehindAndBeforeAGoodRequestEveryRequestIsAnsweredInOrder() throws Exception {
        try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
            Received received = connection.send("GET /home?key=1 HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /home?key=%zz HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /home?key=2 HTTP/1.1\r\nHost: a\r\n\r\n").read(QUIET);

            assertThat(received.closed()).as("the connection stays open").isFalse();
            assertThat(statuses(received.text())).containsExactly(200, 400, 200);
        }
    }

    @Test
    void aRawNulOrControlCharacterInTheUrlIsA400AndNeverForwarded() throws Exception {
        long answeredBefore = answeredByReplicas();
        try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
            Received received = connection.send("GET /home?key=1\0x HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /ho\u0001me HTTP/1.1\r\nHost: a\r\n\r\n").read(QUIET);

            assertThat(statuses(received.text())).containsExactly(400, 400);
            assertThat(received.text()).contains("control character 0x00 at position 12", "control character 0x01");
            assertThat(jsonBodies(received.text())).hasSize(2);
        }
        assertThat(answeredByReplicas()).isEqualTo(answeredBefore);
    }

    @Test
    void aBodyOverOneMegabyteIsAJson413WithoutAContinueFirst() throws Exception {
        List<String> before = balancer.replicas();
        for (String expect : List.of("Expect: 100-continue\r\n", "")) {
            try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
                Received received = connection.send("POST /add HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n"
                        + expect + "\r\n").read(QUIET);

                assertThat(received.text()).doesNotContain("100 Continue").startsWith("HTTP/1.1 413 ");
                assertThat(jsonBodies(received.text())).containsExactly(
                        "{\"message\":\"<Error> request body is larger than 1048576 bytes\",\"status\":\"failure\"}");
                assertThat(received.closed()).isTrue();
            }
        }
        assertThat(errors("too_large")).isGreaterThanOrEqualTo(2);
        assertThat(balancer.replicas()).isEqualTo(before);
    }

    @Test
    void aSmallBodyStillGetsItsContinue() throws Exception {
        try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
            Received first = connection.send("POST /add HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n"
                    + "Expect: 100-continue\r\n\r\n").read(Duration.ofMillis(500));
            Received answer = connection.send("{\"n\":0}").read(QUIET);

            assertThat(first.text()).startsWith("HTTP/1.1 100 Continue");
            assertThat(statuses(answer.text())).containsExactly(400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"n\":1,\"n\":2}`              | malformed JSON at line 1, column 11: Duplicate field 'n'",
        "`{\"n\":1} xyz`                  | unexpected data after the JSON object at line 1, column 9 (send one object)",
        "`{\"n\":1}{\"n\":1}`             | unexpected data after the JSON object at line 1, column 8 (send one object)",
        "`{\"n\":1} []`                   | unexpected data after the JSON object at line 1, column 9 (send one object)",
        "`not json`                       | malformed JSON at line 1, column 1: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    })
    void ambiguousOrMalformedJsonIsAWhole400AndAddsNothing(String body, String message) {
        List<String> before = balancer.replicas();

        Answer answer = balancer.post("/add", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("<Error> " + message);
        assertThat(balancer.replicas()).isEqualTo(before);
    }

    @Test
    void theNestingDepthErrorIsAWholeSentence() {
        Answer answer = balancer.post("/add", "[".repeat(1100) + "]".repeat(1100));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message())
                .isEqualTo("<Error> malformed JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void aReplicasHtmlErrorBecomesAJsonErrorWithItsStatus() throws Exception {
        try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
            // '|' is no URI character: the replica's JDK server answers its HTML 400 page to this path
            Received received = connection.send("GET /ho|me?key=1 HTTP/1.1\r\nHost: a\r\n\r\n").readAnswer(QUIET);

            assertThat(statuses(received.text())).containsExactly(400);
            assertThat(received.text()).containsIgnoringCase("content-type: application/json").doesNotContain("<h1>")
                    .containsPattern("<Error> Server \\d+ answered 400 Bad Request without a JSON body");
        }
        assertThat(errors("replica_error")).isPositive();
    }

    private static List<Integer> statuses(String text) {
        Matcher status = Pattern.compile("HTTP/1.1 (\\d{3}) ").matcher(text);
        return status.results().map(found -> Integer.parseInt(found.group(1))).toList();
    }

    private static List<String> jsonBodies(String text) {
        return ERROR.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
    }

    private static double errors(String reason) {
        Matcher count = Pattern.compile("ringlab_request_errors_total\\{reason=\"" + reason + "\"} ([0-9.]+)")
                .matcher(balancer.get("/metrics").body());
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }

    private static long answeredByReplicas() {
        return balancer.cluster.ring().servers().stream()
                .mapToLong(server -> balancer.endpoint.metrics().requestsOf(server.name())).sum();
    }
}
