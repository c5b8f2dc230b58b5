package dk.referent.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Which maps of the embedded store's file hold BSON ({@link BsonTypes}), and the one-time rewrite of files
 * written before that, when every map held Java-serialized objects.
 * <p>
 * The file does not record a map's types: a map must be opened with the types it was written with. So the
 * store keeps, in a map of its own, each collection and index map known to be BSON. A map is marked before it
 * is created, and a file's older maps are rewritten one by one at start: copied into a new map, which then
 * takes the old one's place and mark in one commit. A crash part-way leaves every map either old and unmarked
 * or new and marked, and the next start carries on (an unfinished copy is dropped first).
 * <p>
 * Every map is also opened here, with its types, before the server starts: MVStore's compaction rewrites only
 * the pages of open maps, and would read a BSON map opened by someone else with the default types as garbage.
 * <p>
 * The store is two files. The main one holds what was acknowledged to a user and is committed before each
 * reply: the events, snapshots, accounts, idempotent answers and the server's catalogue of collections and
 * indexes ({@link #inMainFile}). The read models, their change feeds and the tracking tokens are in the
 * other, committed once a second: they are rebuilt from the events, and a commit of the main file no
 * longer rewrites every read model page touched since the last one (see DurableH2Backend). Files from before
 * the split have their read models moved over at start, a map at a time, each copy committed before the
 * original is removed.
 */
final class StoreFormat {

    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);

    /** Map name → format of its keys and values. Its name starts with neither of the server's prefixes. */
    static final String FORMATS = "_referent.formats";
    static final int BSON = 2;
    private static final String COPYING = "_referent.copying.";
    static final String COLLECTION_PREFIX = "databases.";
    static final String INDEX_INFIX = "._index_";
    static final String META_PREFIX = "meta.";
    /** Entries copied between commits, so a large map need not be held in memory whole. */
    private static final int COPY_BATCH = 10_000;

    private StoreFormat() {
    }

    /**
     * Whether a collection (its name without the database) lives in the main file, committed before each reply.
     * Only what is rebuilt from the events goes to the read-model file: the views and change feeds (ViewStore's
     * {@code view_*} and {@code changes_*}) and the processors' tokens. Any other collection, the events and the
     * server's own catalogue included, is kept as acknowledged data.
     */
    static boolean inMainFile(String collectionName) {
        return !(collectionName.startsWith("view_") || collectionName.startsWith("changes_")
                || collectionName.equals("trackingtokens"));
    }

    /** Brings both files to the current layout, then opens every map with its types. */
    static void prepare(MVStore main, MVStore readModels) {
        upgrade(main);
        upgrade(readModels);
        moveReadModels(main, readModels);
        dropUnregisteredIndexes(main, readModels);
        for (MVStore store : List.of(main, readModels)) {
            for (String name : store.getMapNames()) {
                open(store, name);
            }
        }
    }

    /** Rewrites every map not yet in BSON; drops a copy left unfinished. */
    private static void upgrade(MVStore store) {
        MVMap<String, Integer> formats = store.openMap(FORMATS);
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(COPYING)) {
                store.removeMap(name);
            }
        }
        for (String name : List.copyOf(store.getMapNames())) {
            if ((isCollection(name) || isIndex(name)) && !Integer.valueOf(BSON).equals(formats.get(name))) {
                rewrite(store, formats, name);
            }
        }
        store.commit();
    }

    /** Moves the maps of read-model collections out of the main file (files written before the split). */
    private static void moveReadModels(MVStore main, MVStore readModels) {
        for (String name : List.copyOf(main.getMapNames())) {
            String namespace = namespaceOf(name);
            if (namespace == null || inMainFile(namespace.substring(namespace.indexOf('.') + 1))) {
                continue;
            }
            long start = System.nanoTime();
            if (readModels.hasMap(name)) { // a move cut short
                readModels.removeMap(name);
            }
            if (isCollection(name) || isIndex(name)) {
                mark(readModels, name);
            }
            MVMap<Object, Object> from = main.openMap(name, builderFor(name));
            MVMap<Object, Object> to = readModels.openMap(name, builderFor(name));
            long copied = copy(from, to, readModels);
            readModels.commit();
            main.removeMap(from);
            main.commit();
            log.info("embedded store: {} ({} entries) moved to the read-model file in {} ms", name, copied,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Drops index maps of the read-model file that the catalogue in the main file does not list: a crash between
     * the two files' commits after an index was created. Left, it would be found with its old entries when the
     * index is created again, and an entry of a document since changed or deleted would refuse a new document
     * with that key as a duplicate.
     */
    private static void dropUnregisteredIndexes(MVStore main, MVStore readModels) {
        Set<String> registered = new HashSet<>();
        for (String name : main.getMapNames()) {
            if (isCollection(name) && name.endsWith(".system.indexes")) {
                for (Document index : main.openMap(name, collectionBuilder()).values()) {
                    registered.add(index.get("ns") + INDEX_INFIX + index.get("name"));
                }
            }
        }
        for (String name : List.copyOf(readModels.getMapNames())) {
            if (isIndex(name) && !registered.contains(name)) {
                log.warn("embedded store: dropping index {}, which the catalogue does not list", name);
                readModels.removeMap(name);
            }
        }
        readModels.commit();
    }

    /** The map of a collection's documents by {@code _id}; marked as BSON before it is created. */
    static MVMap<Object, Document> collection(MVStore store, String name) {
        mark(store, name);
        return store.openMap(name, collectionBuilder());
    }

    /** The map of a unique index's keys to the {@code _id} of their document; marked before it is created. */
    static MVMap<KeyValue, Object> index(MVStore store, String name) {
        mark(store, name);
        return store.openMap(name, indexBuilder());
    }

    /** Marks a map that is about to be created (or renamed to this name) as BSON. */
    static void mark(MVStore store, String name) {
        MVMap<String, Integer> formats = store.openMap(FORMATS);
        if (!Integer.valueOf(BSON).equals(formats.get(name))) {
            formats.put(name, BSON);
        }
    }

    private static void open(MVStore store, String name) {
        store.openMap(name, builderFor(name));
    }

    /** Copies every entry, committing now and then so that a large map need not be held in memory whole. */
    private static long copy(MVMap<Object, Object> from, MVMap<Object, Object> to, MVStore store) {
        long copied = 0;
        for (Cursor<Object, Object> cursor = from.cursor(null); cursor.hasNext(); ) {
            Object key = cursor.next();
            to.put(key, cursor.getValue());
            if (++copied % COPY_BATCH == 0) {
                store.commit();
            }
        }
        return copied;
    }

    /** The database and collection ("referent.view_minutes") a collection, index or meta map belongs to. */
    static String namespaceOf(String mapName) {
        if (isCollection(mapName)) {
            return mapName.substring(COLLECTION_PREFIX.length());
        } else if (mapName.startsWith(META_PREFIX)) {
            return mapName.substring(META_PREFIX.length());
        } else if (isIndex(mapName)) {
            return mapName.substring(0, mapName.indexOf(INDEX_INFIX));
        }
        return null;
    }

    private static void rewrite(MVStore store, MVMap<String, Integer> formats, String name) {
        long start = System.nanoTime();
        MVMap<Object, Object> old = store.openMap(name);
        MVMap<Object, Object> copy = store.openMap(COPYING + name, builderFor(name));
        long copied = copy(old, copy, store);
        store.removeMap(old);
        store.renameMap(copy, name);
        formats.put(name, BSON);
        store.commit();
        log.info("embedded store: {} ({} entries) rewritten as BSON in {} ms", name, copied,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean isCollection(String name) {
        return name.startsWith(COLLECTION_PREFIX);
    }

    private static boolean isIndex(String name) {
        return !isCollection(name) && !name.startsWith(META_PREFIX) && name.contains(INDEX_INFIX);
    }

    private static MVMap.Builder<Object, Object> builderFor(String name) {
        if (isCollection(name)) {
            return uncheckedBuilder(collectionBuilder());
        } else if (isIndex(name)) {
            return uncheckedBuilder(indexBuilder());
        }
        return new MVMap.Builder<>();
    }

    private static MVMap.Builder<Object, Document> collectionBuilder() {
        return new MVMap.Builder<Object, Document>()
                .keyType(BsonTypes.ValueType.INSTANCE)
                .valueType(BsonTypes.DocumentType.INSTANCE);
    }

    private static MVMap.Builder<KeyValue, Object> indexBuilder() {
        return new MVMap.Builder<KeyValue, Object>()
                .keyType(BsonTypes.KeyValueType.INSTANCE)
                .valueType(BsonTypes.ValueType.INSTANCE);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap.Builder<Object, Object> uncheckedBuilder(MVMap.Builder<?, ?> builder) {
        return (MVMap.Builder) builder;
    }
}
