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
 * Committing on every write makes MVStore append a new chunk each time; the space of old chunks is only reused
 * once they are older than the retention time, so a busy meeting would grow the file by tens of kilobytes per
 * command. A short retention time lets space be reused (process crashes cannot tear a committed chunk: the OS
 * still writes what the process wrote), and a periodic compaction rewrites sparse chunks and trims the file.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

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
        this.store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(90).open();
        store.setRetentionTime(0);
        this.server = new MongoServer(new DurableH2Backend(store));
        this.address = server.bind();
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mongo-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::compact, 1, 1, TimeUnit.SECONDS);
        log.info("embedded MongoDB-compatible store on {} with data in {}", address, file.toAbsolutePath());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Rewrites sparse chunks so the file stays proportional to the data. */
    void compact() {
        try {
            store.compact(95, 64 * 1024 * 1024);
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
        // also closes the backend, which commits and closes the file
        server.shutdownNow();
    }
}
