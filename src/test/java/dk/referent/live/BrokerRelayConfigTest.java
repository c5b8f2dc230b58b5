package dk.referent.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a broker relay configured (here to a port where nothing listens), live changes go to the relay, not
 * through {@link LiveFanout}, and commands are answered whether or not the broker is reachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerRelayConfigTest {

    static final String PASSWORD = "relay-admin-secret";

    @LocalServerPort
    int port;

    @Autowired
    LiveFanout fanout;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("referent-relay").toString();
        registry.add("referent.data-dir", () -> dataDir);
        registry.add("referent.admin-password", () -> PASSWORD);
        registry.add("referent.broker.relay-host", () -> "127.0.0.1");
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        registry.add("referent.broker.relay-port", () -> unused);
    }

    @Test
    void changesGoToTheRelayAndCommandsAreStillAnswered() throws Exception {
        assertThat(fanout.active()).isFalse();
        assertThat(context.getBeansOfType(StompBrokerRelayMessageHandler.class)).hasSize(1);

        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/committees"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Relæ\",\"organisations\":[\"Region\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
    }
}
