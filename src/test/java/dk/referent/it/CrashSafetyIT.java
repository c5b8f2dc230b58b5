package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Acknowledged data is never lost: 8 writers add agenda items while the process is killed with kill -9; after a
 * restart every item that got a 201 is in the log and in the minutes, and the read models equal a fresh fold. Then
 * the read-model file is deleted, and the next start rebuilds the read models from the log.
 */
class CrashSafetyIT {

    static final String PASSWORD = "crash-test-secret";
    static final int WRITERS = 8;

    @Test
    void everyAcknowledgedCommandSurvivesKillDashNine() throws Exception {
        Path data = Files.createTempDirectory("referent-crash");
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        List<String> meetings = new ArrayList<>();
        try (JarProcess app = JarProcess.start(data, PASSWORD, Map.of())) {
            Api api = app.api("admin", PASSWORD);
            String cid = api.post("/api/committees", Map.of("name", "Crash", "organisations", List.of("A"))).id();
            for (int w = 0; w < WRITERS; w++) {
                Api.Response m = api.post("/api/meetings", Map.of("committeeId", cid, "title", "Møde " + w,
                        "startsAt", "2024-10-04T11:00:00+02:00", "endsAt", "2024-10-04T14:00:00+02:00",
                        "location", "Viborg", "mode", "HYBRID"));
                assertThat(m.status()).as(m.toString()).isEqualTo(201);
                meetings.add(m.id());
                acknowledged.put(m.id(), ConcurrentHashMap.newKeySet());
            }
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            for (String mid : meetings) {
                pool.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        try {
                            Api.Response r = api.post("/api/meetings/" + mid + "/agenda",
                                    Map.of("title", "Punkt " + (++n), "kind", "DISCUSSION", "visibility", "OPEN"));
                            if (r.status() == 201) {
                                acknowledged.get(mid).add(r.id());
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            Instant until = Instant.now().plus(Duration.ofSeconds(8));
            while (Instant.now().isBefore(until) && total(acknowledged) < 400) {
                Thread.sleep(50);
            }
            app.kill();
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        int acked = total(acknowledged);
        assertThat(acked).as("commands acknowledged before the kill").isGreaterThan(20);

        try (JarProcess again = JarProcess.start(data, PASSWORD, Map.of())) {
            Api api = again.api("admin", PASSWORD);
            Set<String> logged = ConcurrentHashMap.newKeySet();
            for (JsonNode e : api.get("/api/audit?limit=10000").json()) {
                if (e.path("type").asText().equals("AgendaItemAdded")) {
                    logged.add(e.path("payload").path("itemId").asText());
                }
            }
            for (String mid : meetings) {
                assertThat(logged).as("acknowledged items of %s in the log", mid).containsAll(acknowledged.get(mid));
            }
            // the projections catch up with the log after the restart and equal a fresh fold
            awaitConsistent(api);
            assertMinutesHold(api, meetings, acknowledged);
            System.out.printf("crash test: %d acknowledged before kill -9, all %d found after restart%n", acked, acked);
        }

        // the read-model file lost too (as the README says it may be): the projections are rebuilt from the log
        Files.delete(data.resolve("read-models.mv.db"));
        try (JarProcess rebuilt = JarProcess.start(data, PASSWORD, Map.of())) {
            Api api = rebuilt.api("admin", PASSWORD);
            awaitConsistent(api);
            assertMinutesHold(api, meetings, acknowledged);
        }
    }

    private static void awaitConsistent(Api api) throws InterruptedException {
        JsonNode consistency = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            consistency = api.get("/api/admin/consistency").json();
            if (consistency.path("consistent").asBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(consistency.path("consistent").asBoolean()).as(String.valueOf(consistency)).isTrue();
    }

    private static void assertMinutesHold(Api api, List<String> meetings, Map<String, Set<String>> acknowledged) {
        for (String mid : meetings) {
            Set<String> inMinutes = ConcurrentHashMap.newKeySet();
            api.get("/api/meetings/" + mid + "/minutes").json().path("items")
                    .forEach(i -> inMinutes.add(i.path("id").asText()));
            assertThat(inMinutes).as("acknowledged items of %s in the minutes", mid)
                    .containsAll(acknowledged.get(mid));
        }
    }

    private static int total(Map<String, Set<String>> acknowledged) {
        return acknowledged.values().stream().mapToInt(Set::size).sum();
    }
}
