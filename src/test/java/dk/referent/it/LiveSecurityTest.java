package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The WebSocket's defences over a real socket: the handshake refuses strangers and foreign origins, a
 * subscription to another committee's meeting or fund is answered with a STOMP ERROR, a frame over 64 KB and a
 * flood of frames end the offending session while a well-behaved one carries on, and observers are given the
 * fund's feed without links to the items that approved its budgets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSecurityTest implements EmbeddedApp {

    static final String SECRET = "live-secret";

    @LocalServerPort
    int port;

    Api admin;
    final String run = Long.toString(System.nanoTime(), 36);
    String stranger;
    String observer;
    String meeting;
    String openItem;
    String closedItem;
    String fund;

    @BeforeAll
    void world() {
        admin = new Api("http://localhost:" + port, "admin", PASSWORD);
        stranger = "stranger-" + run;
        observer = "watcher-" + run;
        for (String u : List.of(stranger, observer)) {
            assertThat(admin.post("/api/users", Map.of("username", u, "displayName", u, "password", SECRET)).status())
                    .isEqualTo(201);
        }
        String mine = admin.post("/api/committees", Map.of("name", "Mit udvalg", "organisations", List.of("A"))).id();
        String theirs = admin.post("/api/committees", Map.of("name", "Andet udvalg", "organisations", List.of("B"))).id();
        admin.put("/api/committees/" + theirs + "/access/" + stranger, Map.of("role", "SECRETARY"));
        admin.put("/api/committees/" + mine + "/access/" + observer, Map.of("role", "OBSERVER"));
        meeting = admin.post("/api/meetings", Map.of("committeeId", mine, "title", "Møde",
                "startsAt", "2024-10-04T11:00:00+02:00", "mode", "HYBRID")).id();
        openItem = admin.post("/api/meetings/" + meeting + "/agenda", Map.of("title", "Åbent", "kind", "DECISION",
                "visibility", "OPEN")).id();
        closedItem = admin.post("/api/meetings/" + meeting + "/agenda", Map.of("title", "Lukket",
                "kind", "DECISION", "visibility", "CLOSED")).id();
        fund = admin.post("/api/funds", Map.of("committeeId", mine, "name", "Klyngemidler")).id();
        admin.post("/api/funds/" + fund + "/contributions", Map.of("organisation", "A", "year", 2024,
                "amount", "1000000"));
    }

    LiveClient connect(String user) throws Exception {
        return LiveClient.connect(port, user, user.equals("admin") ? PASSWORD : SECRET, null);
    }

    static void awaitRefusal(LiveClient client, String what) throws InterruptedException {
        String error = client.errors.poll(10, TimeUnit.SECONDS);
        assertThat(error).as(what + " is answered with an ERROR frame").isNotNull();
        long deadline = System.currentTimeMillis() + 10_000;
        while (client.session.isConnected() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(client.session.isConnected()).as(what + " ends the session").isFalse();
    }

    @Test
    void theHandshakeRefusesAnonymousWrongPasswordsAndForeignOrigins() {
        assertThatThrownBy(() -> LiveClient.connect(port, null, null, null)).as("anonymous").isNotNull();
        assertThatThrownBy(() -> LiveClient.connect(port, "admin", "wrong", null)).as("wrong password").isNotNull();
        assertThatThrownBy(() -> LiveClient.connect(port, "admin", PASSWORD, "https://evil.example"))
                .as("foreign origin").isNotNull();
        assertThatThrownBy(() -> LiveClient.connect(port, "admin", PASSWORD, "http://localhost:" + port + ".evil.example"))
                .as("an origin that only starts like ours").isNotNull();
    }

    @Test
    void subscribingToAnotherCommitteesMeetingIsRefused() throws Exception {
        try (LiveClient live = connect(stranger)) {
            live.subscribe("/topic/meetings/" + meeting);
            awaitRefusal(live, "a foreign meeting topic");
        }
        try (LiveClient live = connect(stranger)) {
            live.subscribe("/app/meetings/" + meeting);
            awaitRefusal(live, "a foreign meeting snapshot");
        }
        try (LiveClient live = connect(stranger)) {
            live.subscribe("/topic/funds/" + fund);
            awaitRefusal(live, "a foreign fund topic");
        }
        try (LiveClient live = connect(stranger)) {
            live.send("/app/meetings/" + meeting + "/presence", Map.of("editingItemId", openItem));
            awaitRefusal(live, "presence in a foreign meeting");
        }
        try (LiveClient live = connect(observer)) {
            live.subscribe("/topic/meetings/" + meeting + "/open");
            awaitRefusal(live, "a feed named directly");
        }
        try (LiveClient live = connect("admin")) {
            live.subscribe("/topic/meetings/*");
            awaitRefusal(live, "a wildcard");
        }
    }

    @Test
    void aFrameOver64KbEndsTheSessionAndAnOrdinaryOneIsTaken() throws Exception {
        try (LiveClient live = connect("admin")) {
            BlockingQueue<JsonNode> presence = live.subscribe("/topic/meetings/" + meeting + "/presence");
            // the servlet container reads text frames into an 8 KB buffer (see LiveConfig): far more than presence needs
            String big = "x".repeat(4 * 1024);
            live.send("/app/meetings/" + meeting + "/presence", Map.of("editingItemId", openItem, "padding", big));
            LiveContract.awaitPresence(presence, p -> p.toString().contains(openItem));
        }
        try (LiveClient live = connect("admin")) {
            try {
                live.send("/app/meetings/" + meeting + "/presence", Map.of("padding", "x".repeat(70 * 1024)));
            } catch (org.springframework.messaging.MessageDeliveryException e) {
                // the server closed the connection (1009, too big) while the frame was still going out
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (live.session.isConnected() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(live.session.isConnected()).as("a 70 KB frame ends the session").isFalse();
        }
    }

    @Test
    void aFloodEndsTheFloodingSessionWhileAWellBehavedOneCarriesOn() throws Exception {
        try (LiveClient calm = connect(observer); LiveClient flood = connect("admin")) {
            BlockingQueue<JsonNode> feed = calm.subscribe("/topic/meetings/" + meeting);
            long version = calm.snapshot("/app/meetings/" + meeting).path("version").asLong();
            try {
                for (int i = 0; i < 200 && flood.session.isConnected(); i++) {
                    flood.send("/app/meetings/" + meeting + "/presence", Map.of("editingItemId", openItem));
                }
            } catch (RuntimeException closedMeanwhile) {
                // the server ended the session while frames were still going out
            }
            awaitRefusal(flood, "a flood of 200 frames");
            assertThat(calm.session.isConnected()).isTrue();
            assertThat(admin.put("/api/meetings/" + meeting + "/agenda/" + openItem + "/decision",
                    Map.of("text", "Efter stormen", "outcome", "APPROVED", "baseRevision", 0)).status()).isEqualTo(200);
            JsonNode message = feed.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("the calm session still receives changes").isNotNull();
            assertThat(message.path("version").asLong()).isEqualTo(version + 1);
            assertThat(message.toString()).contains("Efter stormen");
        }
    }

    @Test
    void observersSeeNobodyEditingAClosedItemAndNobodyCanAnnounceAnythingElse() throws Exception {
        try (LiveClient watcher = connect(observer); LiveClient secretary = connect("admin")) {
            BlockingQueue<JsonNode> seen = watcher.subscribe("/topic/meetings/" + meeting + "/presence");
            watcher.subscribe("/topic/meetings/" + meeting);
            secretary.subscribe("/topic/meetings/" + meeting);
            BlockingQueue<JsonNode> all = secretary.subscribe("/topic/meetings/" + meeting + "/presence");
            BlockingQueue<JsonNode> errors = secretary.subscribe("/user/queue/errors");
            secretary.send("/app/meetings/" + meeting + "/presence", Map.of("editingItemId", closedItem));
            LiveContract.awaitPresence(all, p -> p.toString().contains(closedItem));
            secretary.send("/app/meetings/" + meeting + "/presence", Map.of("editingItemId", openItem));
            JsonNode last = LiveContract.awaitPresence(seen, p -> p.toString().contains(openItem));
            assertThat(last.toString()).doesNotContain(closedItem);
            List<JsonNode> before = new java.util.ArrayList<>();
            seen.drainTo(before);
            assertThat(before.toString()).doesNotContain(closedItem);
            secretary.send("/app/meetings/" + meeting + "/presence", Map.of("editingItemId", "<b>Se her!</b>"));
            assertThat(errors.poll(10, TimeUnit.SECONDS)).as("an unknown item is refused").isNotNull();
            Thread.sleep(300);
            List<JsonNode> after = new java.util.ArrayList<>();
            seen.drainTo(after);
            assertThat(after.toString()).doesNotContain("Se her");
        }
    }

    @Test
    void observersFollowAFundWithoutLinksToTheApprovingItems() throws Exception {
        try (LiveClient live = connect(observer)) {
            BlockingQueue<JsonNode> feed = live.subscribe("/topic/funds/" + fund);
            JsonNode snapshot = live.snapshot("/app/funds/" + fund);
            assertThat(admin.post("/api/funds/" + fund + "/budgets", Map.of("project", "Fratrædelse",
                    "amounts", List.of(Map.of("year", 2024, "amount", "1000")),
                    "decision", Map.of("meetingId", meeting, "itemId", closedItem))).status()).isEqualTo(201);
            JsonNode message = feed.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.path("version").asLong()).isEqualTo(snapshot.path("version").asLong() + 1);
            assertThat(message.toString()).contains("Fratrædelse").doesNotContain(closedItem);
            JsonNode status = admin.as(observer, SECRET).get("/api/funds/" + fund).json();
            assertThat(com.flipkart.zjsonpatch.JsonPatch.apply(message.path("patch"), snapshot)).isEqualTo(status);
        }
    }
}
