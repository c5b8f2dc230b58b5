package dk.referent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * An update never changes the document instance the store's map holds (a commit on another thread may be writing
 * it, and a reader on an older version holds it); the new version replaces it, and reads and a reopened file see
 * the new version.
 */
class StoredCollectionTest {

    @TempDir
    Path dir;

    @Test
    void updatesReplaceTheStoredDocumentInsteadOfChangingIt() {
        for (String collection : List.of("view_minutes", "accounts")) { // one in each file
            try (EmbeddedMongo mongo = new EmbeddedMongo(dir); MongoClient client = MongoClients.create(
                    mongo.connectionString())) {
                MongoCollection<Document> docs = client.getDatabase("t").getCollection(collection);
                docs.insertOne(new Document("_id", "m1").append("title", "Styregruppemøde").append("version", 1)
                        .append("items", List.of(new Document("title", "Godkendelse af dagsorden"))));
                MVStore file = StoreFormat.inMainFile(collection) ? mongo.mainFile() : mongo.readModelFile();
                MVMap<Object, de.bwaldvogel.mongo.bson.Document> map =
                        StoreFormat.collection(file, StoreFormat.COLLECTION_PREFIX + "t." + collection);
                de.bwaldvogel.mongo.bson.Document first = map.get("m1");

                docs.updateOne(Filters.eq("_id", "m1"), Updates.combine(Updates.set("version", 2),
                        Updates.set("items.0.title", "Dagsorden godkendt")));
                de.bwaldvogel.mongo.bson.Document second = map.get("m1");
                docs.replaceOne(Filters.eq("_id", "m1"), new Document("title", "Referat").append("version", 3),
                        new ReplaceOptions());
                de.bwaldvogel.mongo.bson.Document third = map.get("m1");
                docs.findOneAndUpdate(Filters.eq("title", "Referat"), Updates.inc("version", 1));

                assertThat(first).containsEntry("version", 1).containsEntry("title", "Styregruppemøde");
                assertThat(first.get("items").toString()).contains("Godkendelse af dagsorden");
                assertThat(second).isNotSameAs(first).containsEntry("version", 2);
                assertThat(second.get("items").toString()).contains("Dagsorden godkendt");
                assertThat(third).isNotSameAs(second).containsEntry("version", 3).doesNotContainKey("items");
                assertThat(map.get("m1")).isNotSameAs(third).containsEntry("version", 4);
                assertThat(docs.find(Filters.eq("_id", "m1")).first())
                        .isEqualTo(new Document("_id", "m1").append("title", "Referat").append("version", 4));
            }
            try (EmbeddedMongo mongo = new EmbeddedMongo(dir); MongoClient client = MongoClients.create(
                    mongo.connectionString())) {
                assertThat(client.getDatabase("t").getCollection(collection).find().first())
                        .isEqualTo(new Document("_id", "m1").append("title", "Referat").append("version", 4));
            }
        }
    }
}
