package dk.referent.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The in-process MongoDB-wire-compatible server used when no MongoDB URI is configured. Data lives in one H2
 * MVStore file under the data directory; the real MongoDB driver talks to it over a loopback socket.
 * <p>
 * Committing on every write makes MVStore append a new chunk each time (10–20 KB); the space of old chunks is
 * only reused once they are older than the retention time and hold no live data, so the file grew ~10 KB per
 * write (209 MB after 20,000 small inserts, StoreBench). Space is reused after {@link #RETENTION_MS} (not at
 * once: see there), only what was acknowledged is committed per write (see DurableH2Backend), and a compaction
 * every second rewrites the live data of chunks under 80 % full,
 * a little at a time (2 MB): 43 MB after 20,000 inserts. Pages are compressed (LZF; the read models are JSON
 * text): 44 MB → 7.4 MB after 2,000 decision edits on four 15-item meetings. The file is compacted once more on
 * a clean shutdown, and at start when a crash left it sparse. Larger compaction steps shrank the file a little more
 * but stalled writes for 100–200 ms (p99 of a projection update 25 ms with 2 MB steps, 220 ms with 64 MB).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /**
     * How long freed chunks are kept before their space is reused. Readers of the embedded server iterate maps
     * without pinning the version they read, so a scan (an aggregate load, a tracking query, a rebuild: a second
     * or more over 100k events) must finish before the chunks it reads can be overwritten. With retention 0 the
     * benchmark saw "Chunk N not found" under load. The window costs file space, all that is written in it: with
 * 2,000 decision edits on four 15-item meetings the file peaked at 19 MB with 3 s, 52 MB with 10 s and 96 MB
 * with 30 s (8.5–12 MB after a clean stop). 5 s covers a full scan of 100k events (about a second) with room.
     */
    static final int RETENTION_MS = Integer.getInteger("referent.store.retention-ms", 5_000);
    static final int COMPACT_EVERY_MS = Integer.getInteger("referent.store.compact-every-ms", 1000);
    static final int COMPACT_FILL_RATE = Integer.getInteger("referent.store.compact-fill-rate", 80);
    static final int COMPACT_WRITE_BYTES = Integer.getInteger("referent.store.compact-write-bytes", 2 << 20);

    private final MVStore store;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ScheduledExecutorService maintenance;

    public EmbeddedMongo(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("referent.mv.db");
        this.store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(90).compress().open();
        store.setRetentionTime(RETENTION_MS);
        // a file left sparse by a busy run is compacted before it serves again (a second or two for tens of MB)
        if (store.getFileStore().size() > 8L << 20 && store.getFillRate() < 70) {
            store.compactFile(10_000);
            store.setRetentionTime(RETENTION_MS); // compactFile leaves it at 0
        }
        this.server = new MongoServer(new DurableH2Backend(store));
        this.address = server.bind();
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mongo-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::compact, COMPACT_EVERY_MS, COMPACT_EVERY_MS, TimeUnit.MILLISECONDS);
        log.info("embedded MongoDB-compatible store on {} with data in {}", address, file.toAbsolutePath());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Rewrites sparse chunks so the file stays proportional to the data. */
    void compact() {
        try {
            store.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
        } catch (RuntimeException e) {
            log.warn("compaction of the embedded store failed", e);
        }
    }

    public long fileSize() {
        return store.getFileStore().size();
    }

    @Override
    public void close() {
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stopListening();
        try {
            store.commit();
            store.compactFile(3_000);
        } catch (RuntimeException e) {
            log.warn("compaction on close failed; the file stays as it is", e);
        }
        // also closes the backend, which commits and closes the file
        server.shutdownNow();
    }
}
