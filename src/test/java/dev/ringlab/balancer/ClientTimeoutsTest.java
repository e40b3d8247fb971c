package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.balancer.RawConnection.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Header, body and idle timeouts on real sockets, set short (300 ms, 400 ms, 600 ms) so the test is
 * quick: late clients get a JSON 408 and lose the connection, idle ones lose it silently, and a
 * client that keeps talking keeps its connection however long it stays.
 */
class ClientTimeoutsTest {

    private static final ClientTimeouts SHORT =
            new ClientTimeouts(Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(600));
    /** Far above every timeout: a connection still open after it is held for good. */
    private static final Duration BOUND = Duration.ofSeconds(8);
    private static RunningBalancer balancer;

    @BeforeAll
    static void start() throws Exception {
        balancer = RunningBalancer.start(2, false, null, SHORT);
    }

    @AfterAll
    static void stop() {
        balancer.close();
    }

    @Test
    void strayBytesLikeATlsClientHelloGetAJson408AndTheConnectionCloses() throws Exception {
        try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
            Received received = connection.send("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003")
                    .read(BOUND);

            assertThat(received.closed()).isTrue();
            assertThat(received.text()).startsWith("HTTP/1.1 408 ").endsWith(
                    "{\"message\":\"<Error> the request header did not arrive within 300 ms\",\"status\":\"failure\"}");
        }
    }

    @Test
    void aConnectionThatNeverSpeaksIsClosedSilently() throws Exception {
        try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
            Received received = connection.read(BOUND);

            assertThat(received.closed()).isTrue();
            assertThat(received.text()).isEmpty();
        }
    }

    @Test
    void aBodyThatPausesTooLongIsA408AndAddsNothing() throws Exception {
        List<String> before = balancer.replicas();
        try (RawConnection connection = new RawConnection(balancer.endpoint.port())) {
            Received received = connection.send("POST /add HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n{\"n\"")
                    .read(BOUND);

            assertThat(received.closed()).isTrue();
            assertThat(received.text()).startsWith("HTTP/1.1 408 ")
                    .contains("the request body paused for more than 400 ms");
        }
        assertThat(balancer.replicas()).isEqualTo(before);
    }

    @Test
    void anIdleKeepAliveConnectionClosesAfterItsAnswerButATalkativeOneStays() throws Exception {
        try (RawConnection talkative = new RawConnection(balancer.endpoint.port())) {
            // 8 requests 150 ms apart: 1.2 s on one connection, twice the idle timeout, never idle for long
            for (int i = 0; i < 8; i++) {
                Received answer = talkative.send("GET /home?key=" + i + " HTTP/1.1\r\nHost: a\r\n\r\n")
                        .readAnswer(BOUND);
                dev.ringlab.testing.ClientPace.pause(150); // the client's pace, not a wait for the balancer
                assertThat(answer.closed()).as("request %d", i).isFalse();
                assertThat(answer.text()).as("request %d", i).startsWith("HTTP/1.1 200 ");
            }
            Received idle = talkative.read(BOUND);

            assertThat(idle.closed()).isTrue();
            assertThat(idle.text()).isEmpty();
        }
    }

    @Test
    void twoHundredSlowClientsAreAllCutAndTheBalancerStillAnswers() throws Exception {
        List<RawConnection> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                slow.add(new RawConnection(balancer.endpoint.port()).send("GET /home?key=" + i + " HTTP/1.1\r\nHo"));
            }
            for (RawConnection connection : slow) {
                Received received = connection.read(BOUND);
                assertThat(received.closed()).isTrue();
                assertThat(received.text()).startsWith("HTTP/1.1 408 ");
            }
            assertThat(balancer.get("/home?key=1").status()).isEqualTo(200);
        } finally {
            for (RawConnection connection : slow) {
                connection.close();
            }
        }
    }

    @Test
    void timeoutsAreCheckedAndReadAsPeopleWriteThem() {
        assertThat(ClientTimeouts.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ClientTimeouts.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(ClientTimeouts.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> ClientTimeouts.parse("10")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> new ClientTimeouts(Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("header timeout must be between 10 ms and 1 h, got 5 ms");
        assertThatThrownBy(() -> new ClientTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(2)))
                .hasMessage("idle timeout must be between 10 ms and 1 h, got 7200 s");
    }
}
