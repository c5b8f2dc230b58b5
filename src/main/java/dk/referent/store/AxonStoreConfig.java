package dk.referent.store;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
     * short. Axon takes it in the thread of the command that crossed the count, after its commit: it reads the
     * events since the last snapshot and stores the aggregate's fields.
     */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                              @Value("${referent.snapshot-every:100}") int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("referent.snapshot-every must be at least 1, not " + threshold);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
