package dk.referent.store;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The H2 backend's collection, with two changes.
 * <p>
 * <b>A stored document is never changed in place.</b> The stock server updates a document by removing and putting
 * its top-level fields on the very instance the map holds, then putting that instance back. MVStore's pages hold
 * their values by reference and are written at the next commit, which may run on another thread at that moment
 * (the maintenance commits the read-model file once a second while the projections write views): the file could
 * receive a document half updated, and a reader pinned to an older version saw the new fields before the update
 * was done. Here an update works on a copy of the top level (the server's update builds the new nested values
 * itself and never changes the old ones), so the map's instance stays as it was until the copy replaces it.
 * <p>
 * <b>No running total of the documents' sizes</b> (the "size" of collStats, which nothing here reads): keeping it
 * encoded the old and the new document of every update once more just to measure them, and rewrote the
 * collection's metadata page in every commit (5 % of the app's CPU in the live benchmark).
 */
final class StoredCollection extends H2Collection {

    /** Set while this thread runs an update of this collection: the documents it finds are then copies. */
    private final ThreadLocal<Boolean> updating = new ThreadLocal<>();

    StoredCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                     MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        updating.set(Boolean.TRUE);
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating.remove();
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating.set(Boolean.TRUE);
        try {
            return super.findAndModify(query);
        } finally {
            updating.remove();
        }
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored != null && updating.get() != null ? new Document(stored) : stored;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        QueryResult found = super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (updating.get() == null) {
            return found;
        }
        List<Document> copies = new ArrayList<>();
        for (Document document : found) {
            copies.add(new Document(document));
        }
        return new QueryResult(copies, found.getCursorId());
    }
}
