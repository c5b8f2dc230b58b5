package dk.referent.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.Channel;

/**
 * The embedded store's backend, made durable where it matters: a write to a collection that holds what was
 * acknowledged to a user (the events, aggregate snapshots, accounts, idempotent answers) is committed to the file
 * before its reply goes back to the driver. The stock H2 backend commits about once a second, so a process killed
 * right after an acknowledged write lost that write (measured: 84–167 of 300 events). Such a commit is also
 * forced to the disk (fsync, 0.3 ms here), so an acknowledged write survives a power cut too.
 * <p>
 * Everything else (read models, tracking tokens, change feeds) is rebuilt from the events and lives in a second
 * file, committed by the store's maintenance once a second ({@link #commitReadModels}). An MVStore commit is one
 * atomic snapshot of every map in its file, so after a crash the read models and the tokens that say how far they
 * got are from the same moment: the processors resume from there and apply the rest again (idempotently). In one
 * file, every commit for an event also rewrote each read-model page touched since the last one (a meeting's
 * minutes, its decisions, the tracking token: tens of kilobytes each), about a hundred times a second under load.
 * <p>
 * Every command pins the version of both files it started on for as long as it runs. A query reads the map it
 * scans without a transaction, and MVStore may reuse the space of chunks that no pinned version needs; unpinned,
 * a long scan (an aggregate load, a catching-up processor, a rebuild) could find a chunk it was about to read
 * overwritten ("Chunk N not found"). Query results are collected in full before the command returns (cursors
 * hold documents, not positions), so the pin covers every read.
 * <p>
 * Collections and indexes are stored as BSON, not with Java serialization ({@link BsonTypes}, StoreFormat). An
 * update replaces a stored document instead of changing it in place ({@link StoredCollection}), so a commit
 * running on another thread never writes a document half updated.
 */
class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "create", "drop", "dropindexes", "renamecollection", "dropdatabase");
    /** Commands that change the catalogue, which lives in the main file and describes maps in both. */
    private static final Set<String> CATALOGUE = Set.of("createindexes", "create", "drop", "dropindexes",
            "renamecollection", "dropdatabase");
    /** The read-model file, for the databases the stock constructor opens before this class's fields are set. */
    private static final ThreadLocal<MVStore> READ_MODELS_WHILE_OPENING = new ThreadLocal<>();

    private final GroupCommit mainCommits;
    private final MVStore readModels;

    private DurableH2Backend(MVStore store, MVStore readModels) {
        super(store);
        this.readModels = readModels;
        this.mainCommits = new GroupCommit(store.getCurrentVersion());
    }

    static DurableH2Backend open(MVStore store, MVStore readModels) {
        READ_MODELS_WHILE_OPENING.set(readModels);
        try {
            return new DurableH2Backend(store, readModels);
        } finally {
            READ_MODELS_WHILE_OPENING.remove();
        }
    }

    MVStore readModels() {
        return readModels != null ? readModels : READ_MODELS_WHILE_OPENING.get();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        MVStore store = getMvStore();
        Document reply;
        MVStore.TxCounter pin = store.registerVersionUsage();
        MVStore.TxCounter readModelPin = readModels.registerVersionUsage();
        try {
            reply = super.handleCommand(channel, database, command, query);
        } finally {
            readModels.deregisterVersionUsage(readModelPin);
            store.deregisterVersionUsage(pin);
        }
        String name = command.toLowerCase();
        if (CATALOGUE.contains(name) || WRITES.contains(name) && !(query.get(command) instanceof String)) {
            exclusively(this::commitAll);
        } else if (WRITES.contains(name) && StoreFormat.inMainFile((String) query.get(command))) {
            commitIncluding(store.getCurrentVersion());
        }
        return reply;
    }

    /**
     * Runs work that commits (the store's maintenance) so that no writer takes a commit in progress for a
     * finished one: every commit of the main file runs alone ({@link GroupCommit}) and is synced before the next.
     */
    void exclusively(Runnable work) {
        mainCommits.exclusively(work);
    }

    /**
     * Commits and syncs both files, for the catalogue commands, whose changes span both: the catalogue is in the
     * main file, the maps of a read model's collection and indexes in the other. The read-model file goes first.
     * Should the process die between the two, the file holds an index the catalogue does not list, which is
     * dropped at the next start (StoreFormat). The other way round, the catalogue would list an index whose map
     * is missing, and the index would be opened empty beside a collection with documents. Call it
     * {@link #exclusively}.
     */
    void commitAll() {
        commitReadModels();
        commitMain();
    }

    /** Commits and syncs what is unsaved in the main file; whether there was any. Call it {@link #exclusively}. */
    boolean commitMain() {
        MVStore store = getMvStore();
        if (!commitAndSync(store)) {
            return false;
        }
        mainCommits.committedBelow(store.getCurrentVersion());
        return true;
    }

    /**
     * Commits and syncs the read-model file; no lock needed. A read model never runs ahead of the log on disk:
     * the projections get their events from the in-memory tail (TailingStorageStrategy), which holds an event
     * only once the insert that committed and synced it has returned. Only a processor that has fallen behind
     * the tail (after a restart, or a minute behind) reads the log from the store, and there it could see an event
     * in the instant between its write and its commit.
     */
    void commitReadModels() {
        commitAndSync(readModels);
    }

    private static boolean commitAndSync(MVStore store) {
        if (!store.hasUnsavedChanges()) {
            return false;
        }
        store.commit();
        store.sync();
        return true;
    }

    /**
     * In the application's registry (Spring Boot adds it to Micrometer's global one): how long a write to the main
     * file waits for a commit that holds it (or for its turn to lead one), and how long a commit of that file takes
     * with its fsync.
     */
    private static final Timer COMMIT_WAIT = Timer.builder("referent.store.commit.wait")
            .description("a write to the main file waiting for a commit that holds it, or its turn to lead one")
            .publishPercentiles(0.5, 0.99).register(Metrics.globalRegistry);
    private static final Timer COMMIT = Timer.builder("referent.store.commit")
            .description("one commit of the main file with its fsync (a group commit for the writers waiting)")
            .publishPercentiles(0.5, 0.99).register(Metrics.globalRegistry);

    /**
     * Returns once a write read at {@code version} is committed and synced: by a commit that began after it (one
     * chunk and one fsync for every writer waiting meanwhile: group commit), led by this thread if none other is.
     */
    private void commitIncluding(long version) {
        long asked = System.nanoTime();
        long committing = mainCommits.awaitDurable(version, this::commitMain);
        COMMIT_WAIT.record(System.nanoTime() - asked - committing, TimeUnit.NANOSECONDS);
        if (committing > 0) {
            COMMIT.record(committing, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter pin = getMvStore().registerVersionUsage();
        MVStore.TxCounter readModelPin = readModels.registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            readModels.deregisterVersionUsage(readModelPin);
            getMvStore().deregisterVersionUsage(pin);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonDatabase(databaseName);
    }

    /**
     * The stock database with its collections and indexes in BSON maps, each in the file it belongs to. An
     * inner class: the stock constructor opens the existing collections before any field of a subclass is set.
     */
    private final class BsonDatabase extends H2Database {

        BsonDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        private MVStore fileOf(String collectionName) {
            return StoreFormat.inMainFile(collectionName) ? getMvStore() : readModels();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore file = fileOf(collectionName);
            String namespace = getFullCollectionNamespace(collectionName);
            return new StoredCollection(this, collectionName, options,
                    StoreFormat.collection(file, StoreFormat.COLLECTION_PREFIX + namespace),
                    file.openMap(StoreFormat.META_PREFIX + namespace), cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            String name = getFullCollectionNamespace(collectionName) + StoreFormat.INDEX_INFIX + indexName;
            return new BsonUniqueIndex(StoreFormat.index(fileOf(collectionName), name), indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName); // removes the map if it is in the main file
            String name = collection.getFullName() + StoreFormat.INDEX_INFIX + indexName;
            readModels().removeMap(name);
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog); // removes the maps if they are in the main file
            if (!StoreFormat.inMainFile(collectionName)) {
                String namespace = getFullCollectionNamespace(collectionName);
                for (String name : List.copyOf(readModels().getMapNames())) {
                    if (namespace.equals(StoreFormat.namespaceOf(name))) {
                        readModels().removeMap(name);
                    }
                }
            }
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            if (!StoreFormat.inMainFile(collection.getCollectionName()) || !StoreFormat.inMainFile(newCollectionName)) {
                throw new MongoServerException("the embedded store cannot rename read-model collections");
            }
            StoreFormat.mark(getMvStore(),
                    StoreFormat.COLLECTION_PREFIX + getFullCollectionNamespace(newCollectionName));
            super.moveCollection(oldDatabase, collection, newCollectionName);
        }
    }
}
