package dk.referent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import dk.referent.committee.api.CommitteeCreated;

/**
 * The tail in memory must answer tracking queries exactly as the store would: same events, same order, same
 * tokens; and a late-committing event within the look-back window must still be found.
 */
class TailingStorageStrategyTest {

    static final Duration LOOK_BACK = Duration.ofSeconds(10);
    final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    EmbeddedMongo mongo;
    MongoClient client;
    MongoCollection<Document> events;
    Instant start = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void open() throws Exception {
        mongo = new EmbeddedMongo(Files.createTempDirectory("tail"));
        client = MongoClients.create(mongo.connectionString());
        events = client.getDatabase("t").getCollection("domainevents");
    }

    @AfterEach
    void close() {
        client.close();
        mongo.close();
    }

    DomainEventMessage<?> event(String id, Instant at) {
        return new GenericDomainEventMessage<>("Committee", id, 0, new CommitteeCreated(id, id, List.of("A")),
                Map.of(), UUID.randomUUID().toString(), at);
    }

    @Test
    void theTailAnswersAsTheStoreDoesIncludingALateCommit() {
        // the strategy starts before any of these events, so the tail covers windows after start + look-back
        TailingStorageStrategy tailing = new TailingStorageStrategy(LOOK_BACK, true,
                Clock.fixed(start, ZoneOffset.UTC));
        TailingStorageStrategy plain = new TailingStorageStrategy(LOOK_BACK, false, Clock.fixed(start, ZoneOffset.UTC));
        Instant t = start.plusSeconds(30);
        tailing.appendEvents(events, List.of(event("a", t)), serializer);
        tailing.appendEvents(events, List.of(event("c", t.plusMillis(100))), serializer);
        List<? extends TrackedEventData<?>> first = tailing.findTrackedEvents(events,
                tokenAt(t.minusSeconds(1)), 100);
        assertThat(ids(first)).containsExactly("a", "c");
        assertThat(ids(first)).isEqualTo(ids(plain.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100)));

        // "b" was stamped between a and c but commits only now, after c has been seen
        TrackingToken afterC = first.get(1).trackingToken();
        tailing.appendEvents(events, List.of(event("b", t.plusMillis(50))), serializer);
        List<? extends TrackedEventData<?>> late = tailing.findTrackedEvents(events, afterC, 100);
        assertThat(ids(late)).containsExactly("b");
        assertThat(late.get(0).trackingToken())
                .isEqualTo(plain.findTrackedEvents(events, afterC, 100).get(0).trackingToken());
        assertThat(tailing.findTrackedEvents(events, late.get(0).trackingToken(), 100)).isEmpty();
    }

    /**
     * The tail answers no event stamped at or after the oldest event of an append still under way: however long
     * that append's commit takes, a newer event cannot be handled first and push the token past it. (Without the
     * hold-back the first query returns "fast", and "slow", 5 s older, is outside the 1 s window for ever.)
     */
    @Test
    void anAppendUnderWayHoldsBackNewerEventsHoweverLongItsCommitTakes() throws Exception {
        TailingStorageStrategy tailing = new TailingStorageStrategy(Duration.ofSeconds(1), true,
                Clock.fixed(start, ZoneOffset.UTC));
        Instant t = start.plusSeconds(30);
        CountDownLatch inserting = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        MongoCollection<Document> slowDisk = slowInserts(events, inserting, commit);
        Thread slow = new Thread(() -> tailing.appendEvents(slowDisk, List.of(event("slow", t)), serializer));
        slow.start();
        assertThat(inserting.await(10, TimeUnit.SECONDS)).isTrue();

        tailing.appendEvents(events, List.of(event("fast", t.plusSeconds(5))), serializer);
        assertThat(tailing.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100)).isEmpty();

        commit.countDown();
        slow.join(10_000);
        List<? extends TrackedEventData<?>> both = tailing.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100);
        assertThat(ids(both)).containsExactly("slow", "fast");
        assertThat(tailing.findTrackedEvents(events, both.get(1).trackingToken(), 100)).isEmpty();
    }

    /**
     * An event holds newer ones back from the moment it is published in its unit of work, before its append has
     * begun: the look-back need not cover the command's handling between stamp and append. Without this the first
     * query answers "newer", and "staged", 5 s older, is outside the 1 s window for ever.
     */
    @Test
    void aPublishedEventHoldsBackNewerOnesUntilItsUnitOfWorkEndsWithoutAnAppend() throws Exception {
        TailingStorageStrategy tailing = new TailingStorageStrategy(Duration.ofSeconds(1), true,
                Clock.fixed(start, ZoneOffset.UTC));
        Instant t = start.plusSeconds(30);
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        tailing.published(List.of(event("staged", t)));
        appendElsewhere(tailing, event("newer", t.plusSeconds(5)));
        assertThat(tailing.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100)).isEmpty();

        command.rollback(); // the command failed: nothing of it is appended
        assertThat(ids(tailing.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100))).containsExactly("newer");
    }

    @Test
    void aPublishedEventStopsHoldingBackOnceItsAppendIsDoneBeforeItsUnitOfWorkEnds() throws Exception {
        TailingStorageStrategy tailing = new TailingStorageStrategy(Duration.ofSeconds(1), true,
                Clock.fixed(start, ZoneOffset.UTC));
        Instant t = start.plusSeconds(30);
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        DomainEventMessage<?> staged = event("staged", t);
        tailing.published(List.of(staged));
        tailing.published(List.of(event("also staged", t.plusMillis(10))));
        appendElsewhere(tailing, event("newer", t.plusSeconds(5)));
        tailing.appendEvents(events, List.of(staged), serializer); // the unit of work prepares its commit
        assertThat(ids(tailing.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100)))
                .containsExactly("staged", "newer");
        command.commit();
    }

    /** Appends the event on another thread, outside the test thread's unit of work. */
    void appendElsewhere(TailingStorageStrategy tailing, DomainEventMessage<?> event) throws InterruptedException {
        Thread other = new Thread(() -> tailing.appendEvents(events, List.of(event), serializer));
        other.start();
        other.join(10_000);
    }

    DomainEventMessage<?> meetingEvent(String meetingId, Instant at) {
        return new GenericDomainEventMessage<>("Meeting", meetingId, 0, new CommitteeCreated(meetingId, meetingId,
                List.of("A")), Map.of(), UUID.randomUUID().toString(), at);
    }

    /** Starts appending the event on its own thread; the append waits for {@code commit} before it stores. */
    Thread appendSlowly(TailingStorageStrategy tailing, DomainEventMessage<?> event, CountDownLatch commit)
            throws InterruptedException {
        CountDownLatch inserting = new CountDownLatch(1);
        MongoCollection<Document> slowDisk = slowInserts(events, inserting, commit);
        Thread slow = new Thread(() -> tailing.appendEvents(slowDisk, List.of(event), serializer));
        slow.start();
        assertThat(inserting.await(10, TimeUnit.SECONDS)).isTrue();
        return slow;
    }

    /**
     * Meetings are independent (their events touch only their own views): one meeting's append under way does
     * not hold back another meeting's newer event, and the processor that has handled the newer one still gets
     * the older one when its commit lands, however late.
     */
    @Test
    void anotherMeetingsEventPassesAMeetingsAppendUnderWayAndTheLateOneIsStillFound() throws Exception {
        TailingStorageStrategy tailing = new TailingStorageStrategy(Duration.ofSeconds(1), true,
                Clock.fixed(start, ZoneOffset.UTC), Set.of("Meeting"));
        Instant t = start.plusSeconds(30);
        CountDownLatch commit = new CountDownLatch(1);
        Thread slow = appendSlowly(tailing, meetingEvent("m1", t), commit);

        tailing.appendEvents(events, List.of(meetingEvent("m2", t.plusMillis(300))), serializer);
        List<? extends TrackedEventData<?>> passed = tailing.findTrackedEvents(events, tokenAt(t.minusSeconds(1)),
                100);
        assertThat(ids(passed)).containsExactly("m2");

        commit.countDown();
        slow.join(10_000);
        List<? extends TrackedEventData<?>> late = tailing.findTrackedEvents(events, passed.get(0).trackingToken(),
                100);
        assertThat(ids(late)).containsExactly("m1");
        assertThat(tailing.findTrackedEvents(events, late.get(0).trackingToken(), 100)).isEmpty();
    }

    /** Only meetings pass, only other meetings, and only within the look-back; all else waits as before. */
    @Test
    void whatMayNotPassAnAppendUnderWayWaitsForIt() throws Exception {
        TailingStorageStrategy tailing = new TailingStorageStrategy(Duration.ofSeconds(1), true,
                Clock.fixed(start, ZoneOffset.UTC), Set.of("Meeting"));
        Instant t = start.plusSeconds(30);

        // a committee's append under way: a meeting's newer event waits (the committee may change its views)
        assertThat(heldBack(tailing, event("c1", t), List.of(meetingEvent("m2", t.plusMillis(100)))))
                .containsExactly("c1", "m2");

        // a meeting's append under way: a committee's newer event waits, and so does what comes after it
        Instant u = t.plusSeconds(10);
        assertThat(heldBack(tailing, meetingEvent("m3", u),
                List.of(event("c2", u.plusMillis(100)), meetingEvent("m4", u.plusMillis(200)))))
                .containsExactly("m3", "c2", "m4");

        // a meeting's newer event, but stamped beyond the look-back: it waits (else m5 could be skipped for ever)
        Instant v = u.plusSeconds(10);
        assertThat(heldBack(tailing, meetingEvent("m5", v), List.of(meetingEvent("m6", v.plusMillis(950)))))
                .containsExactly("m5", "m6");

        // an event published outside any aggregate (no type, no aggregate id) waits too
        Instant w = v.plusSeconds(10);
        EventMessage<?> untyped = new GenericEventMessage<>(new GenericMessage<>("n1",
                new CommitteeCreated("n1", "n1", List.of("A")), Map.of()), () -> w.plusMillis(100));
        assertThat(heldBack(tailing, meetingEvent("m7", w), List.of(untyped))).containsExactly("m7", null);
    }

    /**
     * Appends {@code slow}, stalled before it stores; appends the newer events; checks that a processor a second
     * before {@code slow} gets nothing while it is under way; lets it commit; returns what that processor gets.
     */
    List<String> heldBack(TailingStorageStrategy tailing, DomainEventMessage<?> slow,
                          List<? extends EventMessage<?>> newer) throws InterruptedException {
        TrackingToken before = tokenAt(slow.getTimestamp().minusSeconds(1));
        CountDownLatch commit = new CountDownLatch(1);
        Thread appending = appendSlowly(tailing, slow, commit);
        newer.forEach(e -> tailing.appendEvents(events, List.of(e), serializer));
        assertThat(tailing.findTrackedEvents(events, before, 100)).isEmpty();
        commit.countDown();
        appending.join(10_000);
        return ids(tailing.findTrackedEvents(events, before, 100));
    }

    /** The collection, whose inserts wait for {@code commit} after saying they have begun. */
    @SuppressWarnings("unchecked")
    static MongoCollection<Document> slowInserts(MongoCollection<Document> collection, CountDownLatch inserting,
                                                 CountDownLatch commit) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertMany")) {
                        inserting.countDown();
                        if (!commit.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never released");
                        }
                    }
                    try {
                        return method.invoke(collection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void windowsBeforeTheTailStartedGoToTheStore() {
        TailingStorageStrategy plain = new TailingStorageStrategy(LOOK_BACK, false, Clock.fixed(start, ZoneOffset.UTC));
        plain.appendEvents(events, List.of(event("old", start.minusSeconds(60))), serializer);
        TailingStorageStrategy tailing = new TailingStorageStrategy(LOOK_BACK, true,
                Clock.fixed(start, ZoneOffset.UTC));
        assertThat(ids(tailing.findTrackedEvents(events, tokenAt(start.minusSeconds(120)), 100)))
                .containsExactly("old");
    }

    DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Committee", aggregate, sequence,
                new CommitteeCreated(aggregate, "name " + sequence, List.of("A")), Map.of(), UUID.randomUUID().toString(),
                start.plusMillis(sequence));
    }

    @Test
    void anAggregateLoadsByItsStreamKeysExactlyAsByTheRangeQuery() {
        TailingStorageStrategy keyed = new TailingStorageStrategy(LOOK_BACK, true, Clock.fixed(start, ZoneOffset.UTC));
        TailingStorageStrategy plain = new TailingStorageStrategy(LOOK_BACK, false, Clock.fixed(start, ZoneOffset.UTC));
        keyed.ensureIndexes(events, client.getDatabase("t").getCollection("snapshotevents"));
        for (long n = 0; n < 450; n++) {
            keyed.appendEvents(events, List.of(event("x", n), event("y", n)), serializer);
        }
        for (long from : new long[] {0, 1, 199, 200, 440, 449, 450}) {
            assertThat(sequences(keyed.findDomainEvents(events, "x", from, 200)))
                    .isEqualTo(sequences(plain.findDomainEvents(events, "x", from, 200).stream().limit(200).toList()))
                    .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(from));
        }
        assertThat(sequences(keyed.findDomainEvents(events, "x", 0, 200))).hasSize(200).startsWith(0L).endsWith(199L);
        assertThat(keyed.findDomainEvents(events, "nobody", 0, 200)).isEmpty();
        // the same aggregate and sequence number twice is refused, as by Axon's own index
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> keyed.appendEvents(events, List.of(event("x", 3)), serializer))
                .isInstanceOf(com.mongodb.MongoException.class);
    }

    @Test
    void eventsStoredBeforeStreamKeysGetThemAtStart() {
        TailingStorageStrategy plain = new TailingStorageStrategy(LOOK_BACK, false, Clock.fixed(start, ZoneOffset.UTC));
        for (long n = 0; n < 30; n++) {
            plain.appendEvents(events, List.of(event("old", n)), serializer);
        }
        events.updateMany(new Document(), new Document("$unset", new Document(TailingStorageStrategy.STREAM_KEY, "")));
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.exists(TailingStorageStrategy.STREAM_KEY)))
                .isZero();

        TailingStorageStrategy keyed = new TailingStorageStrategy(LOOK_BACK, true, Clock.fixed(start, ZoneOffset.UTC));
        keyed.ensureIndexes(events, client.getDatabase("t").getCollection("snapshotevents"));
        assertThat(sequences(keyed.findDomainEvents(events, "old", 0, 200))).hasSize(30).startsWith(0L).endsWith(29L);
        keyed.appendEvents(events, List.of(event("old", 30)), serializer);
        assertThat(sequences(keyed.findDomainEvents(events, "old", 25, 200))).containsExactly(25L, 26L, 27L, 28L, 29L,
                30L);
    }

    @Test
    void afterARestartTheNewestEventsAreAnsweredFromMemory() {
        TailingStorageStrategy plain = new TailingStorageStrategy(LOOK_BACK, false, Clock.fixed(start, ZoneOffset.UTC));
        plain.appendEvents(events, List.of(event("long ago", start.minus(Duration.ofHours(2)))), serializer);
        Instant t = start.minusSeconds(3600);
        plain.appendEvents(events, List.of(event("a", t), event("b", t.plusMillis(100))), serializer);
        TrackingToken caughtUp = plain.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100).get(1)
                .trackingToken();

        // restarted an hour after the last event
        TailingStorageStrategy restarted = new TailingStorageStrategy(LOOK_BACK, true,
                Clock.fixed(start, ZoneOffset.UTC));
        restarted.ensureIndexes(events, client.getDatabase("t").getCollection("snapshotevents"));
        assertThat(ids(restarted.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100)))
                .isEqualTo(ids(plain.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100)))
                .containsExactly("a", "b");
        events.deleteMany(new Document()); // from here on only the memory can answer
        assertThat(ids(restarted.findTrackedEvents(events, tokenAt(t.minusSeconds(1)), 100))).containsExactly("a", "b");
        assertThat(restarted.findTrackedEvents(events, caughtUp, 100)).isEmpty();
        restarted.appendEvents(events, List.of(event("c", start)), serializer);
        assertThat(ids(restarted.findTrackedEvents(events, caughtUp, 100))).containsExactly("c");
        // what is older than the memory still goes to the store
        assertThat(restarted.findTrackedEvents(events, tokenAt(t.minus(Duration.ofHours(2))), 100)).hasSize(1);
    }

    static List<Long> sequences(List<? extends org.axonframework.eventhandling.DomainEventData<?>> data) {
        return data.stream().map(org.axonframework.eventhandling.DomainEventData::getSequenceNumber).toList();
    }

    static TrackingToken tokenAt(Instant at) {
        return org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken.of(at, Map.of());
    }

    static List<String> ids(List<? extends TrackedEventData<?>> data) {
        return data.stream().map(d -> ((org.axonframework.eventhandling.DomainEventData<?>) d).getAggregateIdentifier())
                .toList();
    }
}
