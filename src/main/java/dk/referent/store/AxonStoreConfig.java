package dk.referent.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;

import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * Axon's event store and token store on MongoDB (the Mongo extension, one document per event).
 * <p>
 * Tracking look-back: the Mongo extension tracks by event timestamps. An event's timestamp is taken when the
 * command handler applies it, but it becomes visible only when its append commits. A tracking processor that
 * has already passed a newer event looks back this far for older ones that committed late; an event whose
 * commit lands later than the window behind a newer one would be skipped for ever. Appends here take
 * milliseconds, but a slow disk, a garbage-collection pause or a replica-set election can delay one by
 * seconds, so with a MongoDB server the window is 10 s by default (referent.tracking.look-back). The price is
 * that each tracking token remembers the ids of the events of the last window, and each poll re-reads them. The
 * embedded store holds back newer events from an older one's publication until its append is done
 * (TailingStorageStrategy), so its window only covers the time from stamp to publication and the passes between
 * meetings: 300 ms by default.
 */
@Configuration(proxyBeanMethods = false)
class AxonStoreConfig {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database.getName()).build();
    }

    @Bean
    TailingStorageStrategy storageStrategy(@Value("${referent.tracking.look-back:}") String lookBack,
                                           MongoConfig.StoreEndpoint endpoint, Clock clock) {
        boolean embedded = endpoint.embedded() != null;
        Duration window = lookBack.isBlank() ? embedded ? Duration.ofMillis(300) : Duration.ofSeconds(10)
                : DurationStyle.detectAndParse(lookBack);
        // a meeting's events touch only its own views, and read besides only committee views (tested by
        // IndependentMeetingsTest): they may pass another meeting's append under way
        return new TailingStorageStrategy(window, embedded, clock, java.util.Set.of("Meeting"));
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate template,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          TailingStorageStrategy storageStrategy) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer())
                .storageStrategy(storageStrategy)
                .batchSize(200)
                .build();
    }

    /**
     * Axon's event store as its auto-configuration makes it, but keeping 1,000 events in memory for the processors
     * instead of 10,000. Each cached event holds its own tracking token, and a token remembers every event id of its
     * look-back window, so the cache cost its size times the events per window: 3.2 million map entries (127 MB)
     * after 16,000 commands at ~260 a second, and more the faster they come. On the embedded store a processor that
     * falls behind the cache is still served from memory (TailingStorageStrategy).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  TailingStorageStrategy storageStrategy) {
        return new PublishAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .cachedEvents(1000), storageStrategy);
    }

    /**
     * Tells the storage strategy of events as they are published (an aggregate publishes each event as it applies
     * it, a moment after stamping it), not only when their unit of work appends them: see
     * {@link TailingStorageStrategy#published}. Axon's dispatch interceptors run only at the append.
     */
    private static final class PublishAwareEventStore extends EmbeddedEventStore {
        private final TailingStorageStrategy storageStrategy;

        PublishAwareEventStore(EmbeddedEventStore.Builder builder, TailingStorageStrategy storageStrategy) {
            super(builder);
            this.storageStrategy = storageStrategy;
        }

        @Override
        public void publish(java.util.List<? extends org.axonframework.eventhandling.EventMessage<?>> events) {
            storageStrategy.published(events);
            super.publish(events);
        }
    }

    @Bean
    StoredEvents storedEvents(MongoTemplate template, @Qualifier("eventSerializer") Serializer eventSerializer,
                              TailingStorageStrategy storageStrategy) {
        return () -> EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                storageStrategy.allInOrder(template.eventCollection()), eventSerializer, NoOpEventUpcaster.INSTANCE));
    }

    /**
     * Tokens in MongoDB. A single node uses a fixed node id, so that after a restart it reclaims its own
     * segments at once instead of waiting out the claim timeout of its previous incarnation.
     */
    @Bean
    TokenStore tokenStore(@Qualifier(StoreInfo.PROJECTIONS) MongoClient client,
                          @Qualifier(StoreInfo.PROJECTIONS) MongoDatabase database, Serializer serializer,
                          @Value("${referent.node-id:referent}") String nodeId) {
        // on the projection side's connections, with the read models it stands for (see MongoConfig)
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database.getName()).build())
                .serializer(serializer)
                .nodeId(nodeId)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Aggregates stay in memory between commands, so a command does not reload its history. */
    @Bean
    Cache aggregateCache(@Value("${referent.aggregate-cache-size:5000}") int size) {
        return new AggregateCache(size);
    }

    /**
     * Snapshots are the aggregates' own fields (they have no getters), written as JSON. Only the aggregates
     * are ever written with it; events and tokens use the general serializer.
     */
    static Serializer snapshotSerializer() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /**
     * A meeting typed live gets hundreds of events; a snapshot every 100 (referent.snapshot-every) keeps a cold load
     * short. The command that crosses the count asks for it after its commit, and {@link #snapshotter} takes it.
     */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                              @Value("${referent.snapshot-every:100}") int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("referent.snapshot-every must be at least 1, not " + threshold);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Axon's snapshotter, as its auto-configuration makes it, but taking each snapshot on a thread of its own
     * ({@link #snapshotThread}) instead of in the thread of the command that asked for it. A snapshot reads the
     * aggregate's events since the last one from the store, applies them to a fresh instance and stores its fields:
     * milliseconds of CPU that the command's answer, and its meeting's next command, waited for. In the live
     * benchmark the 50 meetings, edited at the same pace, crossed the count together every 10 s, and those 50
     * snapshots at once held up every meeting's commands for more than a second (the slowest subscriber of a
     * command 80–120 ms, median, in those seconds against ~20 ms in the others). On the one thread they are taken one after another, beside the
     * commands, and never with more than a third of a core ({@link SnapshotThread}). A snapshot is only a shortcut for loading an aggregate: one not taken (the process stopped first)
     * is taken at the next count, and Axon takes at most one per aggregate at a time.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore, TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory,
            @Qualifier("snapshotThread") Executor snapshotThread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread)
                .build();
    }

    /**
     * The snapshotter's thread. Its queue is unbounded (one entry per aggregate at most: Axon does not ask again
     * for an aggregate whose snapshot is under way or queued). It stops before the event store does (it depends on
     * it), finishing the snapshot it is taking and leaving the queued ones.
     */
    @Bean(destroyMethod = "")
    @DependsOn("eventStore")
    SnapshotThread snapshotThread() {
        return new SnapshotThread();
    }

    /**
     * A single daemon thread for snapshots, stopped with the application context. After each snapshot it rests
     * twice as long as the snapshot took, so that snapshots take at most a third of one core however many are
     * asked for at once: on two busy cores, 50 snapshots taken back to back still took a core from the commands
     * for more than half a second. Snapshots come at one per 100 events of an aggregate, each a few milliseconds,
     * so the queue drains well within that share.
     */
    static final class SnapshotThread implements Executor,
            DisposableBean {
        static final int REST_PER_WORK = 2;
        private static final Timer TAKEN = Timer
                .builder("referent.store.snapshot")
                .description("taking one aggregate snapshot on the snapshotter's thread: reading, replaying, storing")
                .publishPercentiles(0.5, 0.99).register(Metrics.globalRegistry);

        private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1,
                0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "snapshotter");
                    t.setDaemon(true);
                    return t;
                });

        private volatile boolean stopping;

        /** Queues the snapshot; once stopping, none is taken (the command that asked is not failed for it). */
        @Override
        public void execute(Runnable task) {
            try {
                pool.execute(() -> {
                    long start = System.nanoTime();
                    try {
                        task.run();
                    } finally {
                        long took = System.nanoTime() - start;
                        TAKEN.record(took, TimeUnit.NANOSECONDS);
                        if (!stopping) {
                            rest(took * REST_PER_WORK);
                        }
                    }
                });
            } catch (RejectedExecutionException stopping) {
                LoggerFactory.getLogger(SnapshotThread.class).debug("stopping: snapshot not taken");
            }
        }

        private static void rest(long nanos) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void destroy() throws InterruptedException {
            stopping = true;
            pool.getQueue().clear();
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
