package dk.referent.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

/**
 * One document per event, as Axon's Mongo extension stores them, with a memory of the recent tail for the
 * embedded store.
 * <p>
 * Tracking processors ask "events with a timestamp at or after T minus the look-back, that I have not seen".
 * The embedded server has no secondary indexes, so it answers by scanning and sorting the whole collection, and
 * it checks the "not seen" list against every document: the cost grows with the log (tens of milliseconds per
 * poll at 20,000 events). When this process is the only writer (the embedded store: nothing else can reach it),
 * it knows every event: at start it reads the events of the last minute before the newest stored one, and from
 * then on it sees every append. It keeps them in memory in the order the query would give (timestamp, sequence
 * number) and answers a query whose window starts within them from memory. Older windows (a processor catching
 * up, a replay) go to the store as before. An append that fails half-way (some documents stored, then an error)
 * makes the memory unsure: it then covers only events appended afterwards.
 * <p>
 * Late commits. Knowing every append also closes the gap that the look-back only narrows: from the moment an
 * event is published in its unit of work (a moment after its stamp: see {@link #published}) until its append is
 * done (its insert waits for the commit and the sync of the file), the memory answers no event stamped at or
 * after the oldest such event. So an event whose command or commit is slow, for however long, cannot be
 * overtaken by a newer one that a processor handles first. The look-back then only has to cover the time from an
 * event's stamp to its publication (the aggregate applying it to itself, no I/O) and the passes below, so the
 * embedded store uses 300 ms instead of the 10 s needed when other instances append to a shared MongoDB. A token
 * remembers the ids of the events in its look-back window and is copied for every event: at 150 events/s the
 * 10 s window made that 1,500 ids per event, about 80 KB each time the processor stored its token; at 500
 * events/s a 1 s window (the embedded default until the hold-back began at publication) made 500, and those
 * copies, held by the events in Axon's event cache for about two seconds, were half of what the garbage collector
 * moved to the old generation under that load (20 against 9 MB/s with 300 ms; docs/benchmarks.md).
 * <p>
 * Independent aggregates. Holding back every newer event behind every append under way made each event wait
 * for the slowest of the appends begun before it: with 500 commands a second about a dozen are under way at any
 * moment, and the event reached the projections 80 ms (median) after its stamp where its own append took 26 ms.
 * Yet the events of one meeting touch only that meeting's views, and read besides only committee views, which
 * meeting events never write: the events of two meetings give the same views in either order. So an event of an
 * aggregate type named independent passes an append under way that holds only events of one other aggregate of
 * such a type, as long as it is stamped less than the look-back (less a margin) after that append's oldest event:
 * the processor's token then stays within the look-back of the append's events, which it finds when they land,
 * however late. Every other case is held back as before (an append with events of another type or of several
 * aggregates, an event of another type, a pass beyond the look-back), and a held-back event holds back all after
 * it. The order the processor sees then differs from the stored one only between events that do not interact,
 * and a rebuild still gives the live result. The events of one aggregate are never under way together: its
 * next command loads it only once the previous one's append is done.
 * <p>
 * Loading an aggregate asks "the events of aggregate A from sequence number N on", which the embedded server
 * also answers by scanning the whole log (9 s for a cold aggregate at 100,000 events). So every event document
 * also carries {@value #STREAM_KEY}, "aggregate id/sequence number", under a unique (sparse) index; the embedded
 * server looks up single-field unique keys with {@code $in} in its index, so a batch of the aggregate's events is
 * fetched by naming the keys it must have: A/N, A/N+1, … (the sequence numbers of an aggregate have no gaps).
 * Documents written before the field existed get it once, at start, before any command runs.
 * <p>
 * With an external MongoDB (other instances may write) the memory is off and every query goes to the store,
 * and aggregates load with the stock range query, which MongoDB answers from its compound index.
 */
class TailingStorageStrategy extends DocumentPerEventStorageStrategy {

    static final String STREAM_KEY = "streamKey";
    private static final String STREAM_INDEX = "streamKeyIndex";
    private static final Logger log = LoggerFactory.getLogger(TailingStorageStrategy.class);
    /** How much of the log stays in memory: the look-back plus room for a lagging processor (~18 MB at 150 events/s). */
    private static final Duration KEEP = Duration.ofMinutes(1);
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::timestamp)
            .thenComparingLong(Key::sequenceNumber).thenComparing(Key::eventId);

    private final boolean tailing;
    private final Duration lookBack;
    private final Clock clock;
    private final ConcurrentNavigableMap<Key, DomainEventData<?>> tail = new ConcurrentSkipListMap<>(ORDER);
    /** Every stored event with a timestamp at or after this is in {@link #tail}. */
    private volatile Instant coveredFrom;
    /** The appends under way. */
    private final Map<Object, Append> appending = new java.util.concurrent.ConcurrentHashMap<>();
    /** Aggregate types whose events touch only their own aggregate's views (see the class comment). */
    private final Set<String> independentTypes;
    /** How far short of the look-back a pass stops: tokens keep milliseconds, stamps are finer. */
    private static final Duration PASS_MARGIN = Duration.ofMillis(100);

    private record Key(Instant timestamp, long sequenceNumber, String eventId) {
    }

    /**
     * An append under way: the stamp of its oldest event, the aggregate whose events it holds if they are all of
     * one aggregate of an independent type, else null (nothing may pass it), and the stamp from which on no event
     * passes it (the look-back after its oldest event, less the margin).
     */
    private record Append(Instant oldest, String independentAggregate, Instant passUntil) {

        /** Both together: the older start, and independent only if both hold the same one aggregate. */
        Append with(Append other) {
            String aggregate = independentAggregate != null && independentAggregate.equals(other.independentAggregate)
                    ? independentAggregate : null;
            return oldest.isAfter(other.oldest) ? new Append(other.oldest, aggregate, other.passUntil)
                    : new Append(oldest, aggregate, passUntil);
        }
    }

    TailingStorageStrategy(Duration lookBack, boolean soleWriter, Clock clock) {
        this(lookBack, soleWriter, clock, Set.of());
    }

    TailingStorageStrategy(Duration lookBack, boolean soleWriter, Clock clock, Set<String> independentTypes) {
        super(EventEntryConfiguration.getDefault(), lookBack);
        this.tailing = soleWriter;
        this.lookBack = lookBack;
        this.clock = clock;
        this.independentTypes = Set.copyOf(independentTypes);
        this.coveredFrom = clock.instant().plus(lookBack);
    }

    @Override
    protected Stream<Document> createEventDocuments(List<? extends EventMessage<?>> events, Serializer serializer) {
        return super.createEventDocuments(events, serializer).peek(d -> d.put(STREAM_KEY,
                streamKey(d.getString(eventConfiguration().aggregateIdentifierProperty()),
                        ((Number) d.get(eventConfiguration().sequenceNumberProperty())).longValue())));
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    @Override
    public void ensureIndexes(MongoCollection<Document> eventsCollection, MongoCollection<Document> snapshots) {
        super.ensureIndexes(eventsCollection, snapshots);
        if (!tailing) {
            return;
        }
        boolean indexed = false;
        for (Document index : eventsCollection.listIndexes()) {
            indexed |= STREAM_INDEX.equals(index.getString("name"));
        }
        if (!indexed) {
            // the index is made only after every document has its key, so its presence says the keys are complete
            addMissingStreamKeys(eventsCollection);
            eventsCollection.createIndex(new Document(STREAM_KEY, 1),
                    new IndexOptions().unique(true).sparse(true).name(STREAM_INDEX));
        }
        remember(eventsCollection);
    }

    /**
     * Fills the memory with the stored events of the last {@link #KEEP} before the newest one, so that after a
     * restart the processors, whose tokens stand at the newest event they handled, are answered from memory at
     * once instead of by a scan of the log on every poll until new events arrive. Runs before any append (the
     * storage engine ensures its indexes when it is built).
     */
    private void remember(MongoCollection<Document> events) {
        String timestamp = eventConfiguration().timestampProperty();
        Instant newest = null;
        for (Document d : events.find().projection(Projections.include(timestamp))) {
            Instant at = Instant.parse(d.getString(timestamp));
            newest = newest == null || at.isAfter(newest) ? at : newest;
        }
        if (newest == null) {
            coveredFrom = Instant.EPOCH; // an empty log: every event there will ever be passes through here
            return;
        }
        Instant from = newest.minus(KEEP);
        // stored timestamps are ISO strings of varying length: compare as strings with a margin, then exactly
        for (Document d : events.find(Filters.gte(timestamp, from.minusSeconds(1).toString()))) {
            extractEvents(d).filter(e -> !e.getTimestamp().isBefore(from)).forEach(e -> tail.put(
                    new Key(e.getTimestamp(), e.getSequenceNumber(), e.getEventIdentifier()), e));
        }
        coveredFrom = from;
    }

    /** Gives the documents written before {@value #STREAM_KEY} existed their key. */
    private void addMissingStreamKeys(MongoCollection<Document> events) {
        String aggregate = eventConfiguration().aggregateIdentifierProperty();
        String sequence = eventConfiguration().sequenceNumberProperty();
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        for (Document d : events.find(Filters.exists(STREAM_KEY, false))
                .projection(Projections.include(aggregate, sequence))) {
            updates.add(new UpdateOneModel<>(Filters.eq("_id", d.get("_id")), Updates.set(STREAM_KEY,
                    streamKey(d.getString(aggregate), ((Number) d.get(sequence)).longValue()))));
        }
        if (!updates.isEmpty()) {
            events.bulkWrite(updates);
            log.info("gave {} stored events their stream key", updates.size());
        }
    }

    /**
     * Every stored event in the order tracking processors see them (timestamp, then sequence number), from one
     * query. Reading the log through the tracking query instead costs a sort of the whole log per batch of 200 on
     * the embedded server (no range index), which made a rebuild or an audit of a long log quadratic.
     */
    Stream<? extends DomainEventData<?>> allInOrder(MongoCollection<Document> events) {
        MongoCursor<Document> cursor = events.find()
                .sort(Sorts.ascending(eventConfiguration().timestampProperty(),
                        eventConfiguration().sequenceNumberProperty()))
                .batchSize(1000).iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
                .onClose(cursor::close)
                .flatMap(this::extractEvents);
    }

    @Override
    public List<? extends DomainEventData<?>> findDomainEvents(MongoCollection<Document> collection,
                                                               String aggregateIdentifier, long firstSequenceNumber,
                                                               int batchSize) {
        if (!tailing) {
            return super.findDomainEvents(collection, aggregateIdentifier, firstSequenceNumber, batchSize);
        }
        List<String> keys = LongStream.range(firstSequenceNumber, firstSequenceNumber + batchSize)
                .mapToObj(n -> streamKey(aggregateIdentifier, n)).toList();
        return StreamSupport.stream(collection.find(Filters.in(STREAM_KEY, keys)).spliterator(), false)
                .flatMap(this::extractEvents)
                .sorted(Comparator.comparingLong(DomainEventData::getSequenceNumber))
                .toList();
    }

    /** In the application's registry (Spring Boot adds it to Micrometer's global one). */
    private static final Timer APPEND = Timer.builder("referent.store.append")
            .description("storing a unit of work's events: insert, commit and fsync").publishPercentiles(0.5, 0.99)
            .register(Metrics.globalRegistry);
    private static final Timer STAMP_TO_APPEND = Timer.builder("referent.store.append.delay")
            .description("an append's oldest event stamped to the append begun (the command's handling and waits)")
            .publishPercentiles(0.5, 0.99).register(Metrics.globalRegistry);

    /**
     * Told of events as they are published, a moment after they were stamped, in the unit of work that will
     * append them: from now on they hold back newer events as an append under way does (see the class comment),
     * until their append is done or their unit of work ends without one. So the look-back need not cover the
     * time from stamp to append (the command's handling, its other events, the unit of work's other handlers).
     */
    void published(List<? extends EventMessage<?>> events) {
        if (!tailing || events.isEmpty() || !CurrentUnitOfWork.isStarted()) {
            return; // published outside a unit of work: appended at once, and registered by the append
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        if (appending.containsKey(unitOfWork)) {
            appending.computeIfPresent(unitOfWork, (k, staged) -> staged.with(append(events)));
        } else {
            appending.put(unitOfWork, append(events));
            unitOfWork.onCleanup(u -> appending.remove(unitOfWork));
        }
    }

    private Append append(List<? extends EventMessage<?>> events) {
        Instant oldest = events.stream().map(EventMessage::getTimestamp).min(Comparator.naturalOrder())
                .orElseThrow();
        return new Append(oldest, independentAggregate(events), oldest.plus(lookBack).minus(PASS_MARGIN));
    }

    @Override
    public void appendEvents(MongoCollection<Document> eventCollection, List<? extends EventMessage<?>> events,
                             Serializer serializer) {
        List<Document> documents = createEventDocuments(events, serializer).collect(Collectors.toList());
        // the key its events were published under, if in a unit of work: done with it once they are in the tail
        Object append = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : new Object();
        if (!events.isEmpty()) {
            Append appended = append(events);
            STAMP_TO_APPEND.record(Duration.between(appended.oldest(), clock.instant()));
            if (tailing) {
                appending.put(append, appended);
            }
        }
        try {
            try {
                long start = System.nanoTime();
                eventCollection.insertMany(documents);
                APPEND.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
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
        } finally {
            appending.remove(append);
        }
    }

    /** Whether events of this aggregate type (null: published outside an aggregate) are independent. */
    private boolean independent(String aggregateType) {
        return aggregateType != null && independentTypes.contains(aggregateType);
    }

    /** The one aggregate of an independent type whose events these all are, else null. */
    private String independentAggregate(List<? extends EventMessage<?>> events) {
        String aggregate = null;
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain) || !independent(domain.getType())
                    || aggregate != null && !aggregate.equals(domain.getAggregateIdentifier())) {
                return null;
            }
            aggregate = domain.getAggregateIdentifier();
        }
        return aggregate;
    }

    /**
     * Whether an event stored and stamped so may be handed out while these appends are under way: each is newer
     * than the event, or holds only another independent aggregate's events and the event may pass it.
     */
    private boolean mayPass(DomainEventData<?> event, Instant stamped, List<Append> underWay) {
        for (Append append : underWay) {
            if (stamped.isBefore(append.oldest())) {
                continue;
            }
            if (append.independentAggregate() == null || !independent(event.getType())
                    || append.independentAggregate().equals(event.getAggregateIdentifier())
                    || !stamped.isBefore(append.passUntil())) {
                return false;
            }
        }
        return true;
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
        // taken before the tail is read: an append that starts later stamped its events at most the time from
        // stamp to append (the look-back covers it) before it started, so not before this read began
        List<Append> underWay = List.copyOf(appending.values());
        for (Map.Entry<Key, DomainEventData<?>> entry : tail.tailMap(new Key(from, Long.MIN_VALUE, ""), true)
                .entrySet()) {
            if (results.size() >= batchSize) {
                break;
            }
            DomainEventData<?> event = entry.getValue();
            if (known.contains(event.getEventIdentifier())) {
                continue;
            }
            if (!underWay.isEmpty() && !mayPass(event, entry.getKey().timestamp(), underWay)) {
                break; // and everything after it
            }
            current = current.advanceTo(event.getTimestamp(), event.getEventIdentifier(), lookBack);
            results.add(new TrackedDomainEventData<>(current, event));
        }
        return results;
    }

    /** Forgets what is more than {@link #KEEP} older than the newest event remembered. */
    private void trim() {
        if (tail.isEmpty()) {
            return;
        }
        Instant cutoff = tail.lastKey().timestamp().minus(KEEP);
        if (tail.firstKey().timestamp().isBefore(cutoff)) {
            tail.headMap(new Key(cutoff, Long.MIN_VALUE, "")).clear();
            if (coveredFrom.isBefore(cutoff)) {
                coveredFrom = cutoff;
            }
        }
    }
}
