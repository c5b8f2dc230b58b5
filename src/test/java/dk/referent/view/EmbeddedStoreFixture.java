package dk.referent.view;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
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

    /** A call to one of a collection's methods, which may go on to the collection ({@link #invoke}) or not. */
    interface CollectionCall {
        Object handle(MongoCollection<Document> collection, java.lang.reflect.Method method, Object[] args)
                throws Throwable;
    }

    /** The database, whose collection {@code name} hands each of its calls to {@code call}: to inject faults. */
    @SuppressWarnings("unchecked")
    static MongoDatabase intercepting(MongoDatabase db, String name, CollectionCall call) {
        ClassLoader loader = EmbeddedStoreFixture.class.getClassLoader();
        return (MongoDatabase) Proxy.newProxyInstance(loader, new Class<?>[] {MongoDatabase.class}, (p, m, a) -> {
            Object result = invoke(m, db, a);
            if (!m.getName().equals("getCollection") || !name.equals(a[0])) {
                return result;
            }
            MongoCollection<Document> collection = (MongoCollection<Document>) result;
            return Proxy.newProxyInstance(loader, new Class<?>[] {MongoCollection.class},
                    (p2, m2, a2) -> call.handle(collection, m2, a2));
        });
    }

    /** The method called on the target, throwing what it throws. */
    static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Every document of the collection, by id. */
    static List<Document> documents(MongoDatabase db, String collection) {
        return db.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
