package dk.referent.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * One document per event, as Axon's Mongo extension stores them, with a memory of the recent tail for the
 * embedded store.
 * <p>
 * Tracking processors ask "events with a timestamp at or after T minus the look-back, that I have not seen".
 * The embedded server has no secondary indexes, so it answers by scanning and sorting the whole collection, and
 * it checks the "not seen" list against every document: the cost grows with the log (tens of milliseconds per
 * poll at 20,000 events). When this process is the only writer (the embedded store: nothing else can reach it),
 * every event with a timestamp after this strategy started is one it appended itself, so a query whose window
 * starts after that moment is answered from the events appended in the last minutes, held in memory in the
 * order the query would give (timestamp, sequence number). Older windows (a processor catching up, a replay)
 * go to the store as before. An append that fails half-way (some documents stored, then an error) makes the
 * memory unsure: it then covers only events appended afterwards.
 * <p>
 * With an external MongoDB (other instances may write) the memory is off and every query goes to the store.
 */
class TailingStorageStrategy extends DocumentPerEventStorageStrategy {

    private static final Duration KEEP = Duration.ofMinutes(5);
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::timestamp)
            .thenComparingLong(Key::sequenceNumber).thenComparing(Key::eventId);

    private final boolean tailing;
    private final Duration lookBack;
    private final Clock clock;
    private final ConcurrentNavigableMap<Key, DomainEventData<?>> tail = new ConcurrentSkipListMap<>(ORDER);
    /** Every stored event with a timestamp at or after this is in {@link #tail}. */
    private volatile Instant coveredFrom;

    private record Key(Instant timestamp, long sequenceNumber, String eventId) {
    }

    TailingStorageStrategy(Duration lookBack, boolean soleWriter, Clock clock) {
        super(EventEntryConfiguration.getDefault(), lookBack);
        this.tailing = soleWriter;
        this.lookBack = lookBack;
        this.clock = clock;
        this.coveredFrom = clock.instant().plus(lookBack);
    }

    @Override
    public void appendEvents(MongoCollection<Document> eventCollection, List<? extends EventMessage<?>> events,
                             Serializer serializer) {
        List<Document> documents = createEventDocuments(events, serializer).collect(Collectors.toList());
        try {
            eventCollection.insertMany(documents);
        } catch (RuntimeException e) {
            if (tailing) {
                // some of the documents may be stored: only what is appended from now on is known for sure
                coveredFrom = clock.instant().plus(lookBack);
            }
            throw e;
        }
        if (tailing) {
            for (Document d : documents) {
                extractEvents(d).forEach(e -> tail.put(
                        new Key(e.getTimestamp(), e.getSequenceNumber(), e.getEventIdentifier()), e));
            }
            trim();
        }
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(MongoCollection<Document> eventCollection,
                                                                 TrackingToken lastToken, int batchSize) {
        if (!tailing || !(lastToken instanceof MongoTrackingToken token)) {
            return super.findTrackedEvents(eventCollection, lastToken, batchSize);
        }
        Instant from = token.getTimestamp().minus(lookBack);
        if (from.isBefore(coveredFrom)) {
            return super.findTrackedEvents(eventCollection, lastToken, batchSize);
        }
        Set<String> known = token.getKnownEventIds();
        MongoTrackingToken current = token;
        List<TrackedEventData<?>> results = new ArrayList<>();
        for (Map.Entry<Key, DomainEventData<?>> entry : tail.tailMap(new Key(from, Long.MIN_VALUE, ""), true)
                .entrySet()) {
            if (results.size() >= batchSize) {
                break;
            }
            DomainEventData<?> event = entry.getValue();
            if (known.contains(event.getEventIdentifier())) {
                continue;
            }
            current = current.advanceTo(event.getTimestamp(), event.getEventIdentifier(), lookBack);
            results.add(new TrackedDomainEventData<>(current, event));
        }
        return results;
    }

    private void trim() {
        Instant cutoff = clock.instant().minus(KEEP);
        if (!tail.isEmpty() && tail.firstKey().timestamp().isBefore(cutoff)) {
            tail.headMap(new Key(cutoff, Long.MIN_VALUE, "")).clear();
            if (coveredFrom.isBefore(cutoff)) {
                coveredFrom = cutoff;
            }
        }
    }
}
