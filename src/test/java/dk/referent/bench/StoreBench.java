package dk.referent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import dk.referent.store.EmbeddedMongo;

/** The embedded store alone: insert latency (each committed to the file) and file growth. Prints figures. */
public final class StoreBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("referent-storebench");
        try (EmbeddedMongo store = new EmbeddedMongo(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("bench").getCollection("domainevents"); // committed per insert, as events are
            String payload = "x".repeat(600);
            long[] lat = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                c.insertOne(new Document("_id", "e" + i).append("aggregateIdentifier", "a" + (i % 50))
                        .append("sequenceNumber", (long) i).append("payload", payload));
                lat[i] = System.nanoTime() - t;
            }
            long[] reads = new long[500];
            for (int i = 0; i < reads.length; i++) {
                long t = System.nanoTime();
                c.find(new Document("_id", "e" + (i * 7 % n))).first();
                reads[i] = System.nanoTime() - t;
            }
            long[] scans = new long[20];
            for (int i = 0; i < scans.length; i++) {
                long t = System.nanoTime();
                c.find(new Document("aggregateIdentifier", "a" + i)).into(new java.util.ArrayList<>());
                scans[i] = System.nanoTime() - t;
            }
            System.out.printf("store: %d inserts p50 %.2f ms p99 %.2f ms; _id reads p50 %.2f ms; field scans p50 %.2f ms;"
                    + " file %.1f MB%n", n, ms(lat, 50), ms(lat, 99), ms(reads, 50), ms(scans, 50),
                    store.fileSize() / 1e6);
        }
    }

    static double ms(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * percentile / 100)] / 1e6;
    }
}
