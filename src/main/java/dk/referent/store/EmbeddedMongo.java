package dk.referent.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * The in-process MongoDB-wire-compatible server used when no MongoDB URI is configured. Data lives in two H2
 * MVStore files under the data directory: {@code referent.mv.db} for what was acknowledged (events, snapshots,
 * accounts, idempotent answers), committed and synced before each reply, and {@value #READ_MODEL_FILE} for what
 * is rebuilt from the events, committed by the maintenance (see DurableH2Backend). Documents and keys are stored
 * as BSON (BsonTypes). The real MongoDB driver talks to the server over a loopback socket.
 * <p>
 * File size. A commit appends a chunk; the space of old chunks is reused once no pinned version needs them
 * (readers pin the version they read, so retention is 0, see {@link #RETENTION_MS}). Pages that stay live
 * (a full page of the change feed, an old event) keep partly dead chunks alive, so a compaction rewrites the live
 * pages of chunks under 80 % full, a little at a time: up to 1 MB of live data per file every 250 ms. It only
 * marks them changed, without a lock; the next commits write them. MVStore skips any chunk whose live part alone
 * exceeds that budget, and the read-model file's chunks (one per commit of that file, up to megabytes) did with
 * 256 KB: 34 MB after 10,000 commands with 12 writers, against 25 MB with 1 MB (and 29 MB with 2 MB, at more CPU;
 * all with that file committed every 250 ms; once a second, 22.6–25.9 MB).
 * Before BSON and the second file it was 49–52 MB. Pages are compressed (LZF; the read models are JSON text).
 * The main file's compression can be turned off ({@code -Dreferent.store.compress-main=false}): it is committed
 * for every acknowledged write, and each commit compresses the whole last page of the event log and of its indexes
 * again under the commit lock (3 % of the app's CPU samples in the live benchmark). Measured in full benchmark runs
 * (docs/benchmarks.md, 2026-11-23 10:47): commits waited less for the lock (append p50 2.5 against 30 ms), but
 * the files after 10,000 commands were 42.5 / 46.5 / 51.2 MB (while writing / after a stop / after a restart)
 * against 21.3 / 24.6 / 28.0 MB compressed (11:08); four times the compaction budget did not help. It stays on.
 * <p>
 * No full rewrite (compactFile) runs, neither at start nor on shutdown. While the server ran it stalled writes for
 * up to 6 s. On shutdown, cut short by its time limit, it left a file larger than it found it (52 → 66 MB). At
 * start it shrank one sparse file from 35 to 13 MB, but with the files kept dense by the compaction above it
 * grew them: 9.6 → 14.2 MB for a main file after 10,000 commands. It marks pages and moves chunks, and the marked
 * pages are written at the end of the file on the next commit.
 * <p>
 * MVStore's own background writer is off: every commit happens here or in DurableH2Backend and is synced, so
 * every chunk on disk was forced there before the space of an older one is reused.
 * <p>
 * Two ports. The server answers each connection on one of its threads, which serves other connections too, and
 * a write to the main file holds that thread until its commit and sync are done. Under load (2,000 live sessions,
 * 500 commands a second) the server's threads spent five times the wall-clock time waiting for the commit lock,
 * and the projection processor, whose token and view writes shared those threads, spent a third of its time in
 * reads of their answers that took 10 ms or more (25 ms for a token write). So the same store also listens on a
 * second port, with threads of its own, for the projection side ({@link #projectionConnectionString}: read
 * models, change feeds, tracking tokens, none of which commits the main file per write); commands, events and
 * everything else use the first.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /** The read models, change feeds and tracking tokens: rebuilt from the events (see DurableH2Backend). */
    static final String READ_MODEL_FILE = "read-models.mv.db";
    /**
     * How long freed chunks are kept before their space is reused. Every command of the server pins the version
     * it reads (DurableH2Backend), so nothing needs them: 0. (Before reads were pinned, retention 0 gave "Chunk N
     * not found" under load, and a 5 s window held all that was written in it: 81 MB while writing 10,000
     * commands at ~150/s, 28 MB at rest.)
     */
    static final int RETENTION_MS = Integer.getInteger("referent.store.retention-ms", 0);
    /**
     * How often the read-model file is committed. Each commit writes every read-model page changed since the last
     * one; a crash loses at most this much projection work, which is then done again from the log.
     */
    static final int READ_MODEL_COMMIT_MS = Integer.getInteger("referent.store.read-model-commit-ms", 1000);
    /**
     * The server's threads. A write to the main file waits on its thread for the commit and sync that hold it,
     * and a thread serves every connection given to it: with netty's default of two per core, four writes waiting
     * on a slow sync would hold up every other request (view writes, reads). On this machine's disk the live
     * benchmark ran the same with 4 and 32.
     */
    static final int SERVER_THREADS = Integer.getInteger("referent.store.server-threads", 32);
    /** The threads of the projection side's port (one processor, and the requests reading views). */
    static final int PROJECTION_SERVER_THREADS = Integer.getInteger("referent.store.projection-server-threads", 8);
    static final int COMPACT_EVERY_MS = Integer.getInteger("referent.store.compact-every-ms", 250);
    static final int COMPACT_FILL_RATE = Integer.getInteger("referent.store.compact-fill-rate", 80);
    static final int COMPACT_WRITE_BYTES = Integer.getInteger("referent.store.compact-write-bytes", 1 << 20);
    /** Whether the main file's pages are compressed (LZF) when written; the read-model file's always are. */
    static final boolean COMPRESS_MAIN =
            Boolean.parseBoolean(System.getProperty("referent.store.compress-main", "true"));

    private final MVStore store;
    private final MVStore readModels;

    private final DurableH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final MongoServer projectionServer;
    private final InetSocketAddress projectionAddress;
    private final ScheduledExecutorService maintenance;
    private volatile LongConsumer maintenanceTime = nanos -> { };
    private long lastReadModelCommit = System.nanoTime();

    public EmbeddedMongo(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("referent.mv.db");
        this.store = open(file, COMPRESS_MAIN);
        this.readModels = open(dataDir.resolve(READ_MODEL_FILE), true);
        StoreFormat.prepare(store, readModels);
        this.backend = DurableH2Backend.open(store, readModels);
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, SERVER_THREADS);
        this.address = server.getLocalAddress();
        this.projectionServer = new MongoServer(sharedWithoutClose(backend));
        projectionServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1,
                PROJECTION_SERVER_THREADS);
        this.projectionAddress = projectionServer.getLocalAddress();
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mongo-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::maintain, COMPACT_EVERY_MS, COMPACT_EVERY_MS, TimeUnit.MILLISECONDS);
        log.info("embedded MongoDB-compatible store on {} with data in {}", address, file.toAbsolutePath());
        log.info("embedded store's projection side on {}", projectionAddress);
    }

    private static MVStore open(Path file, boolean compress) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled();
        MVStore opened = (compress ? builder.compress() : builder).open();
        opened.setRetentionTime(RETENTION_MS);
        return opened;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** The same store on the projection side's port: its threads never wait for a commit of the main file. */
    public String projectionConnectionString() {
        return "mongodb://" + projectionAddress.getHostString() + ":" + projectionAddress.getPort();
    }

    /** The backend for the second server, which must not close it when it shuts down: the first one does. */
    private static MongoBackend sharedWithoutClose(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Saves what is unsaved, then rewrites sparse chunks so the files stay proportional to the data. */
    void maintain() {
        long start = System.nanoTime();
        try {
            backend.exclusively(backend::commitMain);
            if (start - lastReadModelCommit >= TimeUnit.MILLISECONDS.toNanos(READ_MODEL_COMMIT_MS)) {
                backend.commitReadModels();
                lastReadModelCommit = start;
            }
            // marks the live pages of sparse chunks as changed; the next commits write them, so no lock is needed
            for (MVStore each : List.of(store, readModels)) {
                each.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
            }
        } catch (RuntimeException e) {
            log.warn("maintenance of the embedded store failed", e);
        }
        maintenanceTime.accept(System.nanoTime() - start);
    }

    /** Receives the duration of each maintenance run (commit, compaction, sync), in nanoseconds. */
    public void onMaintenance(LongConsumer listener) {
        this.maintenanceTime = listener;
    }

    /** Live data in the files' chunks, in percent, weighted by their sizes. */
    public int fillRate() {
        long size = fileSize();
        return size == 0 ? 100 : (int) ((store.getFillRate() * (long) store.getFileStore().size()
                + readModels.getFillRate() * (long) readModels.getFileStore().size()) / size);
    }

    /** The file of what was acknowledged (for tests). */
    MVStore mainFile() {
        return store;
    }

    /** The file of what is rebuilt from the events (for tests). */
    MVStore readModelFile() {
        return readModels;
    }

    /** Both files together. */
    public long fileSize() {
        return store.getFileStore().size() + readModels.getFileStore().size();
    }

    @Override
    public void close() {
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        projectionServer.shutdownNow(); // leaves the backend open
        server.stopListening();
        // also closes the backend, which commits and closes the main file
        server.shutdownNow();
        readModels.close();
    }
}
