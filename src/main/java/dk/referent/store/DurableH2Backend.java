package dk.referent.store;

import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The embedded store's backend, made durable where it matters: a write to a collection that holds what was
 * acknowledged to a user (the events, aggregate snapshots, accounts, idempotent answers) is committed to the file
 * before its reply goes back to the driver. The stock H2 backend commits about once a second, so a process killed
 * right after an acknowledged write lost that write (measured: 84–167 of 300 events).
 * <p>
 * Everything else (read models, tracking tokens, change feeds) is rebuilt from the events, and is committed with
 * the next such write or by the store's background commit within a second. An MVStore commit is one atomic
 * snapshot of every collection, so after a crash the read models and the token that says how far they got are
 * always from the same moment: the processor resumes from there and applies the rest again (idempotently).
 * Committing only these writes cut the commits per command from about ten to one or two, and with them the file
 * growth and the time spent writing chunks. Such a commit is also forced to the disk (fsync, 0.3 ms here), so an
 * acknowledged write survives a power cut too, not only a killed process.
 * <p>
 * Every command pins the store version it started on for as long as it runs. A query reads the map it scans
 * without a transaction, and MVStore may reuse the space of chunks that no pinned version needs; unpinned, a
 * long scan (an aggregate load, a catching-up processor, a rebuild) could find a chunk it was about to read
 * overwritten ("Chunk N not found"). Query results are collected in full before the command returns (cursors
 * hold documents, not positions), so the pin covers every read.
 */
class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "create", "drop", "dropindexes", "renamecollection");
    private static final Set<String> DURABLE = Set.of("domainevents", "snapshotevents", "users", "idempotency");

    private final Object commitLock = new Object();

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        MVStore store = getMvStore();
        Document reply;
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            reply = super.handleCommand(channel, database, command, query);
        } finally {
            store.deregisterVersionUsage(pin);
        }
        if (WRITES.contains(command.toLowerCase()) && mustBeDurable(command, query)) {
            commitIncluding(store.getCurrentVersion());
        }
        return reply;
    }

    /**
     * Runs work that commits (the store's maintenance) so that no writer takes a commit in progress for a
     * finished one: every commit happens under this lock and is synced before the lock is released.
     */
    void exclusively(Runnable work) {
        synchronized (commitLock) {
            work.run();
        }
    }

    /**
     * Commits and syncs the store unless a commit that began after {@code version} was current (and so holds
     * every write made in it) has done so already. Writers that arrive while a commit runs wait for the lock and
     * then usually find their write committed: one chunk and one fsync for all of them (group commit).
     */
    private void commitIncluding(long version) {
        MVStore store = getMvStore();
        synchronized (commitLock) {
            if (store.getCurrentVersion() > version || !store.hasUnsavedChanges()) {
                return;
            }
            store.commit();
            store.sync();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter pin = getMvStore().registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            getMvStore().deregisterVersionUsage(pin);
        }
    }

    private static boolean mustBeDurable(String command, Document query) {
        Object collection = query.get(command);
        return !(collection instanceof String name) || DURABLE.contains(name);
    }
}
