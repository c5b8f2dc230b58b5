package dk.referent.it;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.referent.committee.api.CommitteeCreated;

/** The meeting flow over a real socket against the embedded store (a fresh data file). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedStoreTest extends LiveContract implements EmbeddedApp {

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine engine;

    /**
     * Tracking by timestamps skips an event that commits later than the look-back window behind a newer one. Here
     * an event stamped first commits 3 s after a newer one has been processed: with the 10 s window it still
     * reaches the read models.
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
        Thread.sleep(3_000); // the slow commit
        engine.appendEvents(slowEvent);
        awaitCommittee(slow, Duration.ofSeconds(10));
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
