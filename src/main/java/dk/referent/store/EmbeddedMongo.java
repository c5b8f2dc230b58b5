package dk.referent.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The in-process MongoDB-wire-compatible server used when no MongoDB URI is configured. Data lives in one H2
 * MVStore file under the data directory; the real MongoDB driver talks to it over a loopback socket.
 * <p>
 * Committing on every write makes MVStore append a new chunk each time (10–20 KB); the space of old chunks is
 * reused only once no version that still needs them is in use and they are older than the retention time. So
 * the file grew ~10 KB per write (209 MB after 20,000 small inserts, StoreBench). Now: only what was acknowledged
 * is committed per write, and forced to disk (see DurableH2Backend); readers pin the version they read, so freed
 * chunks can be reused at once (retention 0, see {@link #RETENTION_MS}); a compaction rewrites the live data of
 * chunks under 80 % full, a little at a time (256 KB every 250 ms); pages are compressed (LZF; the read models
 * are JSON text). That keeps the chunks' live share near 50 %, not the 80 % asked: what MVStore counts as live
 * lags behind. A full rewrite (compactFile) while nobody else uses the file fixes that: 35 → 13 MB in 0.4 s after
 * 10,000 commands. It runs at start when the file is sparse, before the server listens. Not while the server runs
 * (it stalled writes for up to 6 s) and not on shutdown: cut short by its time limit (3 s, so that a stop stays
 * quick) it left the file larger than it found it (52 → 66 MB).
 * Larger compaction steps stalled writes: p99 of a projection update 25 ms with 2 MB steps, 220 ms with 64 MB;
 * with 2 MB a second a maintenance run took up to 500 ms, with 256 KB every 250 ms up to 150 ms, for the same
 * file size (21 MB after 9,000 commands).
 * <p>
 * MVStore's own background writer is off: this class commits and syncs what is left unsaved (read models,
 * tokens) at every maintenance run, so every chunk on disk was forced there before the space of an older one is
 * reused.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /**
     * How long freed chunks are kept before their space is reused. Every command of the server pins the version
     * it reads (DurableH2Backend), so nothing needs them: 0. (Before reads were pinned, retention 0 gave "Chunk N
     * not found" under load, and a 5 s window held all that was written in it: 81 MB while writing 10,000
     * commands at ~150/s, 28 MB at rest.)
     */
    static final int RETENTION_MS = Integer.getInteger("referent.store.retention-ms", 0);
    static final int COMPACT_EVERY_MS = Integer.getInteger("referent.store.compact-every-ms", 250);
    static final int COMPACT_FILL_RATE = Integer.getInteger("referent.store.compact-fill-rate", 80);
    static final int COMPACT_WRITE_BYTES = Integer.getInteger("referent.store.compact-write-bytes", 256 << 10);

    private final MVStore store;
    /** Below this share of live data in its chunks, or of the file in chunks (percent), it is rewritten at start. */
    private static final int SPARSE_BELOW = 70;

    private final DurableH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ScheduledExecutorService maintenance;
    private volatile LongConsumer maintenanceTime = nanos -> { };

    public EmbeddedMongo(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("referent.mv.db");
        this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().compress().open();
        store.setRetentionTime(RETENTION_MS);
        // sparse: chunks mostly dead pages, or free gaps between the chunks
        if (fileSize() > 8L << 20
                && (store.getFileStore().getChunksFillRate() < SPARSE_BELOW || store.getFillRate() < SPARSE_BELOW)) {
            squeeze(60_000); // cut short, it can leave the file larger: give it time
        }
        this.backend = new DurableH2Backend(store);
        this.server = new MongoServer(backend);
        this.address = server.bind();
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mongo-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::maintain, COMPACT_EVERY_MS, COMPACT_EVERY_MS, TimeUnit.MILLISECONDS);
        log.info("embedded MongoDB-compatible store on {} with data in {}", address, file.toAbsolutePath());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Saves what is unsaved, then rewrites sparse chunks so the file stays proportional to the data. */
    void maintain() {
        long start = System.nanoTime();
        try {
            backend.exclusively(() -> {
                if (store.hasUnsavedChanges()) {
                    store.commit();
                }
                store.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
                store.sync();
            });
        } catch (RuntimeException e) {
            log.warn("maintenance of the embedded store failed", e);
        }
        maintenanceTime.accept(System.nanoTime() - start);
    }

    /** Rewrites the whole file densely, while nothing else uses it. */
    private void squeeze(int maxMillis) {
        try {
            long before = fileSize();
            store.commit();
            store.compactFile(maxMillis);
            store.setRetentionTime(RETENTION_MS); // compactFile leaves it at 0
            log.info("embedded store compacted from {} to {} bytes", before, fileSize());
        } catch (RuntimeException e) {
            log.warn("compaction of the embedded store failed; the file stays as it is", e);
        }
    }

    /** Receives the duration of each maintenance run (commit, compaction, sync), in nanoseconds. */
    public void onMaintenance(LongConsumer listener) {
        this.maintenanceTime = listener;
    }

    /** Live data in the file's chunks, in percent. */
    public int fillRate() {
        return store.getFillRate();
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
        // also closes the backend, which commits and closes the file
        server.shutdownNow();
    }
}
