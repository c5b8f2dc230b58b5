package dk.referent.view;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import dk.referent.store.EmbeddedMongo;

/** A fresh embedded store in a temporary directory for each test, and the driver connected to it. */
abstract class EmbeddedStoreFixture {

    EmbeddedMongo mongo;
    MongoClient client;

    @BeforeEach
    void openStore() throws Exception {
        mongo = new EmbeddedMongo(Files.createTempDirectory(getClass().getSimpleName()));
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterEach
    void closeStore() {
        client.close();
        mongo.close();
    }

    /** Every document of the collection, by id. */
    static List<Document> documents(MongoDatabase db, String collection) {
        return db.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
