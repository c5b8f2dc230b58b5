package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;

/**
 * The live contract (API.md "Live"): snapshot on subscribe, one message per change with contiguous versions
 * and a JSON Patch that turns the snapshot into exactly what GET returns; catching up after a disconnect;
 * presence; observers never see a closed item; the handshake refuses strangers.
 */
abstract class LiveContract extends MeetingFlowContract {

    abstract int port();

    LiveClient admin() throws Exception {
        return LiveClient.connect(port(), "admin", adminPassword(), null);
    }

    abstract String adminPassword();

    @Test
    void patchesAppliedToTheSnapshotGiveTheStoredMinutes() throws Exception {
        Fixture f = committeeAndMeeting();
        String mid = f.meetingId();
        try (LiveClient live = admin()) {
            BlockingQueue<JsonNode> feed = live.subscribe("/topic/meetings/" + mid);
            JsonNode snapshot = live.snapshot("/app/meetings/" + mid);
            long version = snapshot.path("version").asLong();
            Api api = api();
            api.post("/api/meetings/" + mid + "/start", null);
            api.put("/api/meetings/" + mid + "/attendance/" + f.chair(), Map.of("presence", "VIRTUAL"));
            for (int i = 1; i <= 5; i++) {
                api.put("/api/meetings/" + mid + "/agenda/" + f.item1() + "/decision",
                        Map.of("text", "Udkast " + i, "outcome", "APPROVED", "baseRevision", i - 1));
            }
            JsonNode expected = api.get("/api/meetings/" + mid + "/minutes").json();
            JsonNode state = snapshot;
            while (state.path("version").asLong() < expected.path("version").asLong()) {
                JsonNode message = feed.poll(10, TimeUnit.SECONDS);
                assertThat(message).as("a message after version %s", state.path("version")).isNotNull();
                if (message.path("version").asLong() <= version) {
                    continue; // sent before the snapshot was taken
                }
                assertThat(message.path("version").asLong()).as("contiguous versions").isEqualTo(version + 1);
                assertThat(message.path("id").asText()).isEqualTo(mid);
                assertThat(message.path("actor").asText()).isEqualTo("admin");
                assertThat(message.fieldNames()).toIterable().contains("type", "at", "patch");
                state = JsonPatch.apply(message.path("patch"), state);
                version = message.path("version").asLong();
            }
            assertThat(state).isEqualTo(expected);
            JsonNode last = expected.path("items").get(0).path("decision");
            assertThat(last.path("text").asText()).isEqualTo("Udkast 5");
        }
    }

    @Test
    void aClientThatWasAwayGetsExactlyWhatItMissed() throws Exception {
        Fixture f = committeeAndMeeting();
        String mid = f.meetingId();
        Api api = api();
        long seen;
        try (LiveClient live = admin()) {
            seen = live.snapshot("/app/meetings/" + mid).path("version").asLong();
        }
        api.post("/api/meetings/" + mid + "/apologies", Map.of("memberId", f.member()));
        api.post("/api/meetings/" + mid + "/start", null);
        api.put("/api/meetings/" + mid + "/agenda/" + f.item2() + "/decision",
                Map.of("text", "Taget til efterretning.", "outcome", "NOTED", "baseRevision", 0));
        JsonNode missed = api.get("/api/meetings/" + mid + "/changes?since=" + seen).json();
        assertThat(missed).hasSize(3);
        List<String> types = new ArrayList<>();
        missed.forEach(c -> types.add(c.path("type").asText()));
        assertThat(types).containsExactly("ApologyRegistered", "MeetingStarted", "DecisionRecorded");
        JsonNode state = null;
        try (LiveClient live = admin()) {
            // a fresh snapshot equals the old state plus the missed patches
            state = live.snapshot("/app/meetings/" + mid);
        }
        JsonNode rebuilt = api.get("/api/meetings/" + mid + "/minutes?asOf=" + missed.get(0).path("at").asText()).json();
        for (int i = 1; i < missed.size(); i++) {
            rebuilt = JsonPatch.apply(missed.get(i).path("patch"), rebuilt);
        }
        ObjectNode rebuiltContent = ((ObjectNode) rebuilt.deepCopy()).without("version");
        ObjectNode snapshotContent = ((ObjectNode) state.deepCopy()).without("version");
        assertThat(rebuiltContent).isEqualTo(snapshotContent);
        assertThat(api.get("/api/meetings/" + mid + "/changes?since=" + state.path("version").asLong()).json()).isEmpty();
    }

    @Test
    void presenceShowsWhoIsHereAndWhoEditsWhat() throws Exception {
        Fixture f = committeeAndMeeting();
        String mid = f.meetingId();
        try (LiveClient watcher = admin()) {
            BlockingQueue<JsonNode> presence = watcher.subscribe("/topic/meetings/" + mid + "/presence");
            watcher.subscribe("/topic/meetings/" + mid);
            JsonNode joined = awaitPresence(presence, p -> p.path("users").size() == 1);
            assertThat(joined.path("users").get(0).path("username").asText()).isEqualTo("admin");
            watcher.send("/app/meetings/" + mid + "/presence", Map.of("editingItemId", f.item1()));
            JsonNode editing = awaitPresence(presence, p -> f.item1().equals(p.path("users").get(0).path("editingItemId").asText()));
            assertThat(editing.path("users").get(0).path("displayName").asText()).isEqualTo("Administrator");
            java.util.Map<String, Object> stop = new java.util.HashMap<>();
            stop.put("editingItemId", null);
            watcher.send("/app/meetings/" + mid + "/presence", stop);
            awaitPresence(presence, p -> p.path("users").get(0).path("editingItemId").isNull());
        }
    }

    static JsonNode awaitPresence(BlockingQueue<JsonNode> queue, java.util.function.Predicate<JsonNode> test)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode p = queue.poll(500, TimeUnit.MILLISECONDS);
            if (p != null && test.test(p)) {
                return p;
            }
        }
        throw new AssertionError("presence never matched");
    }

    @Test
    void observersNeverReceiveAClosedItem() throws Exception {
        Fixture f = committeeAndMeeting();
        String mid = f.meetingId();
        Api api = api();
        String observer = "observer-" + System.nanoTime();
        assertThat(api.post("/api/users", Map.of("username", observer, "displayName", "Observatør",
                "password", "observer-secret")).status()).isEqualTo(201);
        assertThat(api.put("/api/committees/" + f.committeeId() + "/access/" + observer, Map.of("role", "OBSERVER"))
                .status()).isEqualTo(200);
        try (LiveClient live = LiveClient.connect(port(), observer, "observer-secret", null)) {
            BlockingQueue<JsonNode> feed = live.subscribe("/topic/meetings/" + mid);
            JsonNode snapshot = live.snapshot("/app/meetings/" + mid);
            assertThat(snapshot.toString()).doesNotContain(f.closedItem(), "Personalesag");
            api.put("/api/meetings/" + mid + "/agenda/" + f.closedItem() + "/decision",
                    Map.of("text", "Fortroligt forlig", "outcome", "APPROVED", "baseRevision", 0));
            api.put("/api/meetings/" + mid + "/agenda/" + f.item1() + "/decision",
                    Map.of("text", "Åben beslutning", "outcome", "APPROVED", "baseRevision", 0));
            JsonNode message = feed.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.toString()).doesNotContain("Fortroligt").contains("Åben beslutning");
            assertThat(message.path("version").asLong()).isEqualTo(snapshot.path("version").asLong() + 1);
            JsonNode minutes = api.as(observer, "observer-secret").get("/api/meetings/" + mid + "/minutes").json();
            assertThat(minutes.toString()).doesNotContain("Fortroligt", "Personalesag");
            assertThat(JsonPatch.apply(message.path("patch"), snapshot)).isEqualTo(minutes);
            assertThat(api.as(observer, "observer-secret").get("/api/meetings/" + mid + "/minutes.md").body())
                    .doesNotContain("Fortroligt", "Personalesag");
            assertThat(api.as(observer, "observer-secret")
                    .get("/api/meetings/" + mid + "/agenda/" + f.closedItem() + "/decision/history").status())
                    .isEqualTo(404);
            assertThat(api.as(observer, "observer-secret")
                    .put("/api/meetings/" + mid + "/agenda/" + f.item1() + "/decision",
                            Map.of("text", "x", "outcome", "APPROVED", "baseRevision", 1)).status()).isEqualTo(403);
        }
    }

    @Test
    void theHandshakeRefusesStrangersAndForeignOrigins() {
        assertThatThrownBy(() -> LiveClient.connect(port(), null, null, null)).isNotNull();
        assertThatThrownBy(() -> LiveClient.connect(port(), "admin", adminPassword(), "https://evil.example"))
                .isNotNull();
    }
}
