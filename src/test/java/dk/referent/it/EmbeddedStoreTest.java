package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.referent.committee.api.CommitteeCreated;

/** The meeting flow over a real socket against the embedded store (a fresh data file). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class EmbeddedStoreTest extends FundFlowContract implements EmbeddedApp {

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @Autowired
    org.axonframework.common.caching.Cache aggregates;

    /**
     * Tracking by timestamps skips an event that reaches the store later than the look-back window behind a newer
     * one. Here an event stamped first is appended 300 ms after a newer one has been processed: within the window
     * (300 ms with the embedded store, 10 s with MongoDB) it still reaches the read models. (A slow commit of an
     * append already under way holds newer events back on the embedded store: TailingStorageStrategyTest.)
     */
    @Test
    void anEventThatCommitsLateBehindANewerOneIsStillProjected() throws Exception {
        Instant stamped = Instant.now();
        String slow = "slow-" + UUID.randomUUID();
        String fast = "fast-" + UUID.randomUUID();
        DomainEventMessage<?> slowEvent = new GenericDomainEventMessage<>("Committee", slow, 0,
                new CommitteeCreated(slow, "Langsom", List.of("A")), Map.of("actor", "test"),
                UUID.randomUUID().toString(), stamped);
        DomainEventMessage<?> fastEvent = new GenericDomainEventMessage<>("Committee", fast, 0,
                new CommitteeCreated(fast, "Hurtig", List.of("A")), Map.of("actor", "test"),
                UUID.randomUUID().toString(), stamped.plusMillis(50));
        engine.appendEvents(fastEvent);
        awaitCommittee(fast, Duration.ofSeconds(10));
        Thread.sleep(300); // the late append
        engine.appendEvents(slowEvent);
        awaitCommittee(slow, Duration.ofSeconds(10));
    }

    /**
     * A meeting's snapshot (every 100 events) is taken on the snapshotter's own thread, not in the command that
     * crossed the count; it is stored, and a load of the meeting starts from it.
     */
    @Test
    void snapshotsAreTakenOnTheirOwnThreadAndLoadsStartFromThem() throws Exception {
        Fixture f = committeeAndMeeting();
        String decisionPath = "/api/meetings/" + f.meetingId() + "/agenda/" + f.item2() + "/decision";
        for (int revision = 1; revision <= 105; revision++) {
            Api.Response saved = api().put(decisionPath, Map.of("text", "Udkast " + revision, "outcome", "APPROVED",
                    "baseRevision", revision - 1));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        org.axonframework.eventhandling.DomainEventMessage<?> first = null;
        while (Instant.now().isBefore(deadline)) {
            first = eventStore.readEvents(f.meetingId()).peek();
            if (first.getPayloadType().getName().equals("dk.referent.meeting.Meeting")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(first.getPayloadType().getName()).as("the first message of a load: a snapshot")
                .isEqualTo("dk.referent.meeting.Meeting");
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(99);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains("snapshotter");
        // a command on the meeting, no longer cached, loads it from the snapshot and the events after it
        aggregates.removeAll();
        Api.Response next = api().put(decisionPath, Map.of("text", "Udkast 105, rettet", "outcome", "APPROVED",
                "baseRevision", 105));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.json().path("revision").asLong()).isEqualTo(106);
        assertThat(api().get(decisionPath + "/history").json().get(104).path("text").asText()).isEqualTo("Udkast 105");
    }

    /** Operators read these: command latency, projection lag, live pushes, sessions, refusals, Axon's own. */
    @Test
    void prometheusServesReferentsMetrics() throws Exception {
        Fixture f = committeeAndMeeting();
        try (LiveClient live = admin()) {
            live.subscribe("/topic/meetings/" + f.meetingId());
            api().post("/api/meetings/" + f.meetingId() + "/start", null);
            api().post("/api/meetings/" + f.meetingId() + "/start", null); // refused: already started
            String metrics = new Api(api().base(), null, null).get("/actuator/prometheus").body();
            assertThat(metrics).contains("referent_command_seconds", "command=\"StartMeeting\"",
                    "referent_projection_lag_seconds", "referent_projection_view_seconds",
                    "referent_live_push_seconds", "referent_websocket_sessions", "referent_websocket_subscriptions",
                    "referent_store_append_delay_seconds", "referent_store_commit_wait_seconds",
                    "referent_refused_requests_total{application=\"referent\",reason=\"conflict\"}");
            assertThat(metrics).containsPattern("(?m)^referent_websocket_sessions\\{[^}]*} [1-9]");
            assertThat(metrics).contains("commandBus");
        }
        assertThat(new Api(api().base(), null, null).get("/actuator/health").body()).contains("\"UP\"");
    }

    private void awaitCommittee(String id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (api().get("/api/committees/" + id).status() == 200) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("committee " + id + " never reached the read model: " + api().get("/api/committees/" + id) + " audit: " + api().get("/api/audit?aggregateId=" + id).body());
    }

    @Override
    int port() {
        return port;
    }

    @Override
    String adminPassword() {
        return PASSWORD;
    }

    @Override
    Api api() {
        return new Api("http://localhost:" + port, "admin", PASSWORD);
    }
}
