package dk.referent.store;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Which MongoDB: the one named by {@code referent.mongodb-uri} (REFERENT_MONGODB_URI), or, when that is unset,
 * the embedded store in {@code referent.data-dir} (REFERENT_DATA_DIR, default ./data). Writes are acknowledged
 * by a majority (on a replica set) and journaled, so a 2xx means the event is on disk.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    static final String DATABASE = "referent";

    @Bean(destroyMethod = "close")
    StoreEndpoint storeEndpoint(@Value("${referent.mongodb-uri:}") String uri,
                                @Value("${referent.data-dir:./data}") String dataDir) {
        if (uri == null || uri.isBlank()) {
            EmbeddedMongo embedded = new EmbeddedMongo(Path.of(dataDir));
            return new StoreEndpoint(embedded.connectionString(), embedded.projectionConnectionString(), embedded);
        }
        return new StoreEndpoint(uri, uri, null);
    }

    @Bean
    StoreInfo storeInfo(StoreEndpoint endpoint) {
        return new StoreInfo(endpoint.embedded() != null);
    }

    /** The embedded store's files as operators watch them: size, how full their chunks are, time maintaining. */
    @Bean
    MeterBinder embeddedStoreMetrics(StoreEndpoint endpoint) {
        return registry -> {
            EmbeddedMongo embedded = endpoint.embedded();
            if (embedded == null) {
                return;
            }
            Gauge.builder("referent.store.file", embedded, EmbeddedMongo::fileSize).baseUnit("bytes")
                    .description("size of the embedded store's two files together").register(registry);
            Gauge.builder("referent.store.fill", embedded, e -> e.fillRate() / 100.0)
                    .description("share of the files' chunks that is live data, weighted by size").register(registry);
            Timer maintenance = Timer.builder("referent.store.maintenance")
                    .description("the embedded store's maintenance, every 250 ms: commit and sync "
                            + "(the read-model file once a second), compaction")
                    .publishPercentiles(0.5, 0.99).register(registry);
            embedded.onMaintenance(nanos -> maintenance.record(nanos, TimeUnit.NANOSECONDS));
        };
    }

    @Bean(destroyMethod = "close")
    @Primary
    MongoClient mongoClient(StoreEndpoint endpoint) {
        return client(endpoint.uri(), endpoint);
    }

    @Bean
    @Primary
    MongoDatabase mongoDatabase(MongoClient client, StoreEndpoint endpoint) {
        return database(client, endpoint.uri());
    }

    /**
     * The projection side's own connections (read models, change feeds, tracking tokens): on the embedded store
     * to its second port, whose threads never wait for a commit of the main file (see EmbeddedMongo); on a
     * MongoDB server a pool of its own, so that a burst of commands cannot keep the projections waiting for a
     * connection.
     */
    @Bean(destroyMethod = "close")
    @Qualifier(StoreInfo.PROJECTIONS)
    MongoClient projectionMongoClient(StoreEndpoint endpoint) {
        return client(endpoint.projectionUri(), endpoint);
    }

    @Bean
    @Qualifier(StoreInfo.PROJECTIONS)
    MongoDatabase projectionMongoDatabase(@Qualifier(StoreInfo.PROJECTIONS) MongoClient client, StoreEndpoint endpoint) {
        return database(client, endpoint.projectionUri());
    }

    private static MongoClient client(String uri, StoreEndpoint endpoint) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri));
        if (endpoint.embedded() == null) {
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        return MongoClients.create(settings.build());
    }

    private static MongoDatabase database(MongoClient client, String uri) {
        String db = new ConnectionString(uri).getDatabase();
        return client.getDatabase(db == null ? DATABASE : db);
    }

    /**
     * Where the store is, for commands and for the projection side (the same URI unless embedded);
     * {@code embedded} is null for an external MongoDB.
     */
    record StoreEndpoint(String uri, String projectionUri, EmbeddedMongo embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
