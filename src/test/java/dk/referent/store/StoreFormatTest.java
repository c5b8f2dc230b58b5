package dk.referent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Files written by the stock backend (Java serialization, one file) are rewritten as BSON and their read models
 * moved to their own file at start, without losing or changing a document; their indexes keep working; a
 * rewrite or move cut short is finished by the next start; and an index left by a crash between the two files'
 * commits does not survive it.
 */
class StoreFormatTest {

    static final int DOCUMENTS = 25_000; // more than one copy batch

    @Test
    void anOldFileIsRewrittenWithEveryDocumentAndIndexIntact() throws Exception {
        Path dir = Files.createTempDirectory("format");
        List<Document> written = writeWithStockBackend(dir);

        List<Document> read = readAll(dir);
        assertThat(read).isEqualTo(written);
        assertThat(mapsNotMarked(dir)).isEmpty();
        assertThat(mapNames(dir, "referent.mv.db")).contains("databases.t.domainevents")
                .noneMatch(name -> name.contains("view_tiny"));
        assertThat(mapNames(dir, EmbeddedMongo.READ_MODEL_FILE))
                .contains("databases.t.view_tiny", "meta.t.view_tiny", "t.view_tiny._index_label_1")
                .noneMatch(name -> name.contains("domainevents"));
        // and again, now that the file is BSON
        assertThat(readAll(dir)).isEqualTo(written);
    }

    @Test
    void aRewriteCutShortIsFinishedByTheNextStart() throws Exception {
        Path dir = Files.createTempDirectory("format");
        List<Document> written = writeWithStockBackend(dir);
        // as a crash would leave it: one collection copied and swapped, another copy half done
        try (MVStore store = MVStore.open(dir.resolve("referent.mv.db").toString())) {
            MVMap<String, Integer> formats = store.openMap(StoreFormat.FORMATS);
            String events = "databases.t.domainevents";
            MVMap<Object, Object> old = store.openMap(events);
            MVMap<Object, Object> half = store.openMap("_referent.copying.databases.t.domainevents");
            old.entrySet().stream().limit(10).forEach(e -> half.put(e.getKey(), e.getValue()));
            String tiny = "databases.t.view_tiny";
            MVMap<Object, Object> tinyOld = store.openMap(tiny);
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> tinyNew = StoreFormat.collection(store,
                    "_referent.copying." + tiny);
            tinyOld.forEach((k, v) -> tinyNew.put(k, (de.bwaldvogel.mongo.bson.Document) v));
            store.removeMap(tinyOld);
            store.renameMap(tinyNew, tiny);
            formats.put(tiny, StoreFormat.BSON);
            store.commit();
        }
        try (MVStore readModels = MVStore.open(dir.resolve(EmbeddedMongo.READ_MODEL_FILE).toString())) {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> halfMoved = StoreFormat.collection(readModels,
                    "databases.t.view_tiny");
            halfMoved.put("stale", new de.bwaldvogel.mongo.bson.Document("_id", "stale"));
            readModels.commit();
        }

        assertThat(readAll(dir)).isEqualTo(written);
        assertThat(mapsNotMarked(dir)).isEmpty();
    }

    @Test
    void anIndexTheCatalogueDoesNotListIsDroppedAtStart() throws Exception {
        Path dir = Files.createTempDirectory("format");
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir); MongoClient client = client(portOf(mongo))) {
            MongoCollection<Document> views = client.getDatabase("t").getCollection("view_tiny");
            views.insertOne(new Document("_id", "a").append("label", "eneste"));
        }
        // as a crash between the two files' commits leaves it: the index's map is written, the catalogue is not
        try (MVStore readModels = MVStore.open(dir.resolve(EmbeddedMongo.READ_MODEL_FILE).toString())) {
            MVMap<KeyValue, Object> orphan = StoreFormat.index(readModels, "t.view_tiny._index_label_1");
            orphan.put(new KeyValue("eneste"), "a");
            orphan.put(new KeyValue("gammel"), "gone"); // of a document deleted after the crash, say
            readModels.commit();
        }
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir); MongoClient client = client(portOf(mongo))) {
            MongoCollection<Document> views = client.getDatabase("t").getCollection("view_tiny");
            views.createIndex(Indexes.ascending("label"), new IndexOptions().unique(true));
            assertThat(views.find(Filters.eq("label", "eneste")).first()).isEqualTo(
                    new Document("_id", "a").append("label", "eneste"));
            views.insertOne(new Document("_id", "b").append("label", "gammel"));
            assertThat(views.find(Filters.eq("label", "gammel")).first()).isEqualTo(
                    new Document("_id", "b").append("label", "gammel"));
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "c").append("label", "eneste")))
                    .isInstanceOf(MongoWriteException.class);
        }
    }

    @Test
    void keysOrderByTypeThenValueAndAgreeWithEquals() {
        List<Object> values = List.of(1.5, 2.0, "a", "b", new de.bwaldvogel.mongo.bson.ObjectId(), 3L, 3,
                true, Missing.getInstance());
        for (Object a : values) {
            for (Object b : values) {
                int ab = BsonTypes.compareValues(a, b);
                assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(BsonTypes.compareValues(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            }
        }
        BsonTypes.KeyValueType keys = BsonTypes.KeyValueType.INSTANCE;
        assertThat(keys.compare(new KeyValue("x", 1.0), new KeyValue("x", 2.0))).isNegative();
        assertThat(keys.compare(new KeyValue("x", 1.0), new KeyValue("x", 1.0))).isZero();
        assertThat(keys.compare(new KeyValue("x"), new KeyValue("x", 1.0))).isNegative();
    }

    /** Writes documents of every BSON type the app uses, with a unique and a sparse index, as the stock backend. */
    private static List<Document> writeWithStockBackend(Path dir) {
        MVStore store = MVStore.open(dir.resolve("referent.mv.db").toString());
        MongoServer server = new MongoServer(new H2Backend(store));
        List<Document> written = new ArrayList<>();
        try (MongoClient client = client(server.bind().getPort())) {
            MongoCollection<Document> events = client.getDatabase("t").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregate", "sequence"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < DOCUMENTS; i++) {
                Document document = new Document("_id", new ObjectId())
                        .append("aggregate", "meeting-" + (i % 7))
                        .append("sequence", (long) i)
                        .append("at", new Date(1_700_000_000_000L + i))
                        .append("payload", new Document("text", "Beslutning æøå " + i).append("n", i)
                                .append("share", i / 3.0).append("list", List.of(1, "to", List.of(3L))))
                        .append("flag", i % 2 == 0)
                        .append("none", null);
                if (i % 3 == 0) {
                    document.append("streamKey", "meeting-" + i);
                }
                if (i % 1000 == 0) {
                    document.append("amount", Decimal128.parse("1234.50")).append("id", UUID.randomUUID())
                            .append("bytes", new Binary(new byte[] {1, 2, 3}));
                }
                written.add(document);
            }
            events.insertMany(written);
            MongoCollection<Document> tiny = client.getDatabase("t").getCollection("view_tiny");
            tiny.createIndex(Indexes.ascending("label"), new IndexOptions().unique(true));
            tiny.insertOne(new Document("_id", "only").append("label", "eneste"));
        }
        server.shutdownNow();
        return written;
    }

    /** Opens the directory as the app does, checks the indexes, and reads the events back in _id order. */
    private static List<Document> readAll(Path dir) {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir); MongoClient client = client(portOf(mongo))) {
            MongoCollection<Document> events = client.getDatabase("t").getCollection("domainevents");
            assertThat(events.find(Filters.eq("streamKey", "meeting-300")).first()).isNotNull();
            assertThat(events.find(Filters.in("streamKey", "meeting-3", "meeting-6", "meeting-7"))
                    .into(new ArrayList<>())).hasSize(2);
            Document clash = new Document("aggregate", "meeting-1").append("sequence", 1L);
            assertThatThrownBy(() -> events.insertOne(clash)).isInstanceOf(MongoWriteException.class);
            MongoCollection<Document> tiny = client.getDatabase("t").getCollection("view_tiny");
            assertThat(tiny.find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "only").append("label", "eneste"));
            assertThatThrownBy(() -> tiny.insertOne(new Document("label", "eneste")))
                    .isInstanceOf(MongoWriteException.class);
            return events.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        }
    }

    private static List<String> mapsNotMarked(Path dir) {
        List<String> unmarked = new ArrayList<>();
        for (String file : List.of("referent.mv.db", EmbeddedMongo.READ_MODEL_FILE)) {
            try (MVStore store = MVStore.open(dir.resolve(file).toString())) {
                MVMap<String, Integer> formats = store.openMap(StoreFormat.FORMATS);
                store.getMapNames().stream()
                        .filter(name -> name.startsWith("databases.") || name.contains("._index_"))
                        .filter(name -> !Integer.valueOf(StoreFormat.BSON).equals(formats.get(name)))
                        .forEach(unmarked::add);
            }
        }
        return unmarked;
    }

    private static Set<String> mapNames(Path dir, String file) {
        try (MVStore store = MVStore.open(dir.resolve(file).toString())) {
            return Set.copyOf(store.getMapNames());
        }
    }

    private static int portOf(EmbeddedMongo mongo) {
        return Integer.parseInt(mongo.connectionString().replaceAll(".*:", ""));
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }
}
