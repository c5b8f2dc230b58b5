package dk.referent.view;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dk.referent.store.StoreInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * Read models in MongoDB, each with the version it reflects and a feed of its changes.
 * <p>
 * Per projection two collections: {@code view_<name>} holds one document per view (and per audience variant:
 * {@code id|audience}) with its JSON, version, indexed refs and the ids of the last events applied to it;
 * {@code changes_<name>} holds one entry per version with the JSON Patch from the previous version.
 * <p>
 * Applying is idempotent: an event whose id is among the view's recently applied ones is skipped (tracking
 * processors may hand an event again after a restart). The change is written before the view, keyed by view and
 * version, so a crash between the two writes is repaired by the replay writing the same change again.
 * <p>
 * Writes wait in a {@link Batch} (a processor's batch of events, a chunk of a rebuild) whose reads see them, and go
 * to the store when it is flushed: per projection its changes in one command, then the last state of each view it
 * touched in another, audience variants before full views (the full view is the one whose memory of applied events
 * decides whether a replayed event is applied again, so a crash part-way leaves its events to be applied again).
 */
@Component
public class ViewStore {

    static final String VERSION = "version";
    private static final String APPLIED = "appliedHashes";
    /** An audience variant whose content is the full view's (no closed item, say): stored without a body. */
    private static final String SAME_AS_FULL = "sameAsFull";
    /** At least the projection processor's batch size: a batch replayed after a crash must be recognised. */
    private static final int REMEMBERED_EVENTS = 128;
    private static final int IDS_PER_QUERY = 500;
    /** The layout of each projection's views: a "view_" collection, so in the read-model file with them. */
    private static final String FORMATS = "view__formats";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoDatabase db;
    /** The collections by name (getting one from the database builds a new handle each time). */
    private final Map<String, MongoCollection<Document>> collections = new java.util.concurrent.ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    /**
     * The view documents this process wrote last, with their bodies as parsed JSON, by collection and key, so that
     * applying an event neither reads back nor parses what it wrote a moment ago. Only where this process is the
     * sole writer (embedded store); with several instances a processor's segment can move, and a cached document
     * could be stale.
     */
    private final Written written;

    public ViewStore(@Qualifier(StoreInfo.PROJECTIONS) MongoDatabase db, ObjectMapper mapper, StoreInfo store) {
        this.db = db;
        this.mapper = mapper;
        this.written = store.soleWriter() ? new Written() : null;
    }

    /**
     * The least recently used view documents go first once there are more than 4096 or their bodies add up to more
     * than 16 M characters: a body's parsed JSON takes about as much memory again as its text.
     */
    private static final class Written {
        private static final int MAX_VIEWS = 4096;
        private static final long MAX_BODY_CHARS = 16L << 20;
        private final LinkedHashMap<String, ViewDoc> views = new LinkedHashMap<>(1024, 0.75f, true);
        private long bodyChars;

        synchronized ViewDoc get(String key) {
            return views.get(key);
        }

        synchronized void put(String key, ViewDoc view) {
            bodyChars += chars(view) - chars(views.put(key, view));
            Iterator<ViewDoc> eldest = views.values().iterator();
            while ((views.size() > MAX_VIEWS || bodyChars > MAX_BODY_CHARS) && eldest.hasNext()) {
                bodyChars -= chars(eldest.next());
                eldest.remove();
            }
        }

        synchronized void remove(String key) {
            bodyChars -= chars(views.remove(key));
        }

        synchronized void removeStartingWith(String prefix) {
            views.keySet().removeIf(key -> key.startsWith(prefix));
            bodyChars = views.values().stream().mapToLong(Written::chars).sum();
        }

        private static long chars(ViewDoc view) {
            String body = view == null ? null : view.doc().getString("body");
            return body == null ? 0 : body.length();
        }
    }

    /**
     * A stored view document and its body as parsed JSON, version included ({@code json} null for an audience
     * variant stored without a body), and the view record it was written from ({@code view}, null when not known:
     * read from the store, or a variant). The cache and the event being applied share all three: none is ever
     * changed (records are immutable, projections copy the lists they change), and JSON built from {@code json}
     * copies the nodes it will change. The record read back from the JSON would equal {@code view}: the JSON is
     * what the record writes, and the record is what the JSON reads as.
     */
    private record ViewDoc(Document doc, ObjectNode json, Object view) {
    }

    /** The full view's record: the one it was written from when known, else read from its JSON. */
    private <V> V record(ViewDoc view, Class<V> viewClass) {
        return viewClass.isInstance(view.view()) ? viewClass.cast(view.view()) : toView(view.json(), viewClass);
    }

    /**
     * The view as the batch left it, else from what this process wrote if it may trust that, else from the store;
     * null if none.
     */
    private ViewDoc load(Batch batch, String projection, String key) {
        Pending pending = batch.pending.get(projection);
        ViewDoc waiting = pending == null ? null : pending.views.get(key);
        if (waiting != null) {
            return waiting;
        }
        if (written != null) {
            ViewDoc cached = written.get(cacheKey(projection, key));
            if (cached != null) {
                return cached;
            }
        }
        Document doc = views(projection).find(Filters.eq("_id", key)).first();
        if (doc == null) {
            return null;
        }
        return new ViewDoc(doc, Boolean.TRUE.equals(doc.getBoolean(SAME_AS_FULL)) ? null
                : parse(doc.getString("body")), null);
    }

    /** What one event writes to one view and its audience variants; handed to the batch once all is computed. */
    private static final class Writes {
        private final List<Document> changes = new ArrayList<>();
        private final List<Map.Entry<String, ViewDoc>> views = new ArrayList<>();

        void change(Document change) {
            changes.add(change);
        }

        /**
         * {@code json} is the document's body as JSON (null if it has none) and {@code view} its record (null if
         * not known), kept for the next event.
         */
        void view(String key, Document doc, ObjectNode json, Object view) {
            views.add(Map.entry(key, new ViewDoc(doc, json, view)));
        }
    }

    /** A projection's writes waiting in a batch: every change, and the last state of each view, by key. */
    private static final class Pending {
        private final List<Document> changes = new ArrayList<>();
        private final Map<String, ViewDoc> views = new LinkedHashMap<>();

        void add(Writes writes) {
            changes.addAll(writes.changes);
            writes.views.forEach(v -> views.put(v.getKey(), v.getValue()));
        }
    }

    /**
     * Writes of a run of events held back to be stored together: one round trip per projection and kind instead of
     * two per event and view, and each view written once, in its last state. Reads through {@link #apply} and
     * {@link #lookup} see what waits here. Used by one thread; {@link #flush} before anything else may rely on the
     * store (a tracking processor's token, a reply to whoever waits for the views, a live message).
     */
    public final class Batch {
        private final Map<String, Pending> pending = new LinkedHashMap<>();

        private Batch() {
        }

        /** As {@link ViewStore#apply}, but stored on {@link #flush}; returns the changes it will store. */
        public <V> List<Stored> apply(Projection<V> projection, String id, EventMessage<?> event, ViewLookup lookup) {
            return ViewStore.this.apply(this, projection, id, event, lookup);
        }

        /**
         * Stores what waits: per projection (in the order first written) its changes, then its views, variants
         * first. On failure the views of the projection being written are forgotten by the cache (some may have
         * been written) and the exception is thrown: the events must be applied again.
         */
        public void flush() {
            try {
                for (Map.Entry<String, Pending> p : pending.entrySet()) {
                    write(p.getKey(), p.getValue());
                }
            } finally {
                pending.clear();
            }
        }

        /** Whether nothing waits to be stored. */
        public boolean isEmpty() {
            return pending.isEmpty();
        }

        /** Forgets what waits (the events will be applied again). */
        public void discard() {
            pending.clear();
        }

        /** Views of the store as this batch will leave them. */
        public ViewLookup lookup() {
            return new ViewLookup() {
                @Override
                public <V> Optional<V> find(String projectionName, String id, Class<V> viewClass) {
                    ViewDoc view = load(Batch.this, projectionName, id);
                    return view == null ? Optional.empty() : Optional.of(record(view, viewClass));
                }

                @Override
                public Set<String> idsWhere(String projectionName, String ref, String value) {
                    Set<String> ids = ViewStore.this.idsWhere(projectionName, ref, value);
                    Pending p = pending.get(projectionName);
                    if (p != null) {
                        p.views.forEach((key, view) -> {
                            if (key.indexOf('|') < 0) {
                                Document refs = view.doc().get("refs", Document.class);
                                if (refs != null && value.equals(refs.get(ref))) {
                                    ids.add(key);
                                } else {
                                    ids.remove(key);
                                }
                            }
                        });
                    }
                    return ids;
                }
            };
        }

        private void add(String projection, Writes writes) {
            pending.computeIfAbsent(projection, k -> new Pending()).add(writes);
        }
    }

    /** A batch of writes, to be flushed. */
    public Batch batch() {
        return new Batch();
    }

    private void write(String projection, Pending p) {
        try {
            if (!p.changes.isEmpty()) {
                insertChanges(changes(projection), p.changes);
            }
            if (!p.views.isEmpty()) {
                // full views last: each records its events as applied to its variants too, so a crash part-way
                // leaves those events to be applied again, variants included
                List<ReplaceOneModel<Document>> ordered = new ArrayList<>(p.views.size());
                List<ReplaceOneModel<Document>> full = new ArrayList<>();
                p.views.forEach((key, view) -> (key.indexOf('|') < 0 ? full : ordered)
                        .add(new ReplaceOneModel<>(Filters.eq("_id", key), view.doc(), UPSERT)));
                ordered.addAll(full);
                views(projection).bulkWrite(ordered);
            }
        } catch (RuntimeException e) {
            // some of the documents may have been written: read them back from the store next time
            if (written != null) {
                p.views.keySet().forEach(key -> written.remove(cacheKey(projection, key)));
            }
            throw e;
        }
        if (written != null) {
            p.views.forEach((key, view) -> written.put(cacheKey(projection, key), view));
        }
    }

    /**
     * Inserts the changes (a new version's change is new, and an insert skips the query and the comparison an
     * upsert makes). One that is there already, written before a crash by the batch now applied again, is replaced:
     * the same change, computed again.
     */
    private static void insertChanges(MongoCollection<Document> collection, List<Document> changes) {
        try {
            collection.insertMany(changes, UNORDERED);
        } catch (MongoBulkWriteException e) {
            List<ReplaceOneModel<Document>> again = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document change = changes.get(error.getIndex());
                again.add(new ReplaceOneModel<>(Filters.eq("_id", change.get("_id")), change, UPSERT));
            }
            collection.bulkWrite(again);
        }
    }

    private static String cacheKey(String projection, String key) {
        return projection + "\u0000" + key;
    }

    /** A change that was stored and may now be published. */
    public record Stored(String topic, String audience, Change change) {
    }

    /**
     * Applies one event to view {@code id} of the projection and to its audience variants and stores them at once;
     * returns the changes stored (none when the event had been applied already).
     */
    public <V> List<Stored> apply(Projection<V> projection, String id, EventMessage<?> event, ViewLookup lookup) {
        Batch batch = batch();
        List<Stored> stored = batch.apply(projection, id, event, lookup);
        batch.flush();
        return stored;
    }

    private <V> List<Stored> apply(Batch batch, Projection<V> projection, String id, EventMessage<?> event,
                                   ViewLookup lookup) {
        ViewDoc view = load(batch, projection.name(), id);
        Document doc = view == null ? null : view.doc();
        if (alreadyApplied(doc, event)) {
            return List.of();
        }
        long version = doc == null ? 0 : doc.getLong(VERSION);
        ObjectNode previous = doc == null ? mapper.createObjectNode() : view.json();
        V current = doc == null ? null : record(view, projection.viewClass());
        V next = projection.apply(id, current, event, lookup);
        Normalised written = normalised(next);
        ObjectNode body = written.json();

        List<Stored> stored = new ArrayList<>();
        Writes writes = new Writes();
        Stored full = store(writes, projection, id, null, projection.refs(next), doc, previous, written, next,
                version + 1, event, false);
        if (full != null) {
            stored.add(full);
        }
        ObjectNode fullContent = withoutVersion(body);
        for (Map.Entry<String, UnaryOperator<ObjectNode>> audience : projection.audiences().entrySet()) {
            Stored s = applyAudience(batch, writes, projection, id, audience.getKey(), audience.getValue(), previous,
                    body, fullContent, event);
            if (s != null) {
                stored.add(s);
            }
        }
        batch.add(projection.name(), writes);
        return stored;
    }

    /**
     * An audience variant follows its full view: a new version only when what it may see changed. Stored without a
     * body while its content equals the full view's (the invariant: such a variant always equals the current full
     * view, since every change of the full view passes through here).
     */
    private <V> Stored applyAudience(Batch batch, Writes writes, Projection<V> projection, String id, String audience,
                                     UnaryOperator<ObjectNode> filter, ObjectNode previousFull, ObjectNode full,
                                     ObjectNode fullContent, EventMessage<?> event) {
        String key = id + "|" + audience;
        ViewDoc view = load(batch, projection.name(), key);
        Document doc = view == null ? null : view.doc();
        if (alreadyApplied(doc, event)) {
            return null;
        }
        long version = doc == null ? 0 : doc.getLong(VERSION);
        ObjectNode previous = doc == null ? mapper.createObjectNode()
                : view.json() != null ? view.json() : withVersion(previousFull, version);
        ObjectNode body = filter.apply(full.deepCopy()); // the filter may change what it is given
        if (doc != null && withoutVersion(previous).equals(body)) {
            // nothing this audience may see has changed: no version, no message; remember the event only
            Document updated = new Document(doc);
            updated.put(APPLIED, remember(doc, event));
            ObjectNode json = view.json();
            if (Boolean.TRUE.equals(doc.getBoolean(SAME_AS_FULL)) && !body.equals(fullContent)) {
                // the full view moved on where this audience may not look: keep its own body from now on
                updated.remove(SAME_AS_FULL);
                updated.put("body", previous.toString());
                json = previous;
            }
            writes.view(key, updated, json, null);
            return null;
        }
        return store(writes, projection, key, audience, Map.of(), doc, previous, new Normalised(null, body), null,
                version + 1, event, body.equals(fullContent));
    }

    /** The JSON of a stored variant: its own body, or the full view's body with the variant's version. */
    private ObjectNode variantBody(Document doc, ObjectNode fullBody) {
        if (!Boolean.TRUE.equals(doc.getBoolean(SAME_AS_FULL))) {
            return parse(doc.getString("body"));
        }
        return withVersion(fullBody, doc.getLong(VERSION));
    }

    /**
     * A shallow copy of the JSON with {@code version} set (the fields keep their order, version goes last if new):
     * it shares every other field's node with {@code json}, so neither may be changed below the top level.
     */
    private static ObjectNode withVersion(ObjectNode json, long version) {
        ObjectNode copy = json.objectNode();
        copy.setAll(json);
        copy.put(VERSION, version);
        return copy;
    }

    /** A shallow copy of the JSON without {@code version}, sharing the other fields' nodes: for reading only. */
    private static ObjectNode withoutVersion(ObjectNode json) {
        ObjectNode copy = json.objectNode();
        copy.setAll(json);
        copy.remove(VERSION);
        return copy;
    }

    /**
     * Stores the view document {@code key} with {@code content} (its text too when known: the record as written)
     * at {@code version}, and its change when the view is pushed live. {@code record} is the view's record, null
     * for a variant.
     */
    private <V> Stored store(Writes writes, Projection<V> projection, String key, String audience,
                             Map<String, String> refMap, Document doc, ObjectNode previous, Normalised content,
                             Object record, long version, EventMessage<?> event, boolean sameAsFull) {
        ObjectNode body = withVersion(content.json(), version);
        String baseId = audience == null ? key : key.substring(0, key.length() - audience.length() - 1);
        String topic = projection.topic(baseId);
        Change change = null;
        if (topic != null) {
            // only views pushed live keep a feed of changes (GET …/changes and the live messages)
            JsonNode patch = JsonDiff.asJson(previous, body);
            // the patch shares nodes with the views' JSON, which the next event reads again: hand out a copy
            change = new Change(event.getPayloadType().getSimpleName(), baseId, version, event.getTimestamp(),
                    actorOf(event), patch.deepCopy());
            Document changeDoc = new Document("_id", key + "|" + version)
                    .append("key", key)
                    .append(VERSION, version)
                    .append("type", change.type())
                    .append("at", change.at().toString())
                    .append("actor", change.actor())
                    .append("eventId", event.getIdentifier())
                    .append("patch", patch.toString());
            writes.change(changeDoc);
        }

        Document refs = new Document();
        refMap.forEach(refs::append);
        Document viewDoc = new Document("_id", key)
                .append(VERSION, version)
                .append("refs", refs)
                .append(APPLIED, remember(doc, event));
        if (sameAsFull) {
            viewDoc.append(SAME_AS_FULL, true);
        } else {
            viewDoc.append("body", content.textWithVersion(version).orElseGet(body::toString));
        }
        writes.view(key, viewDoc, sameAsFull ? null : body, record);
        return change == null ? null : new Stored(topic, audience, change);
    }

    private static boolean alreadyApplied(Document doc, EventMessage<?> event) {
        if (doc == null) {
            return false;
        }
        long hash = idHash(event.getIdentifier());
        for (long applied : appliedHashes(doc)) {
            if (applied == hash) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last events applied, as 64-bit hashes of their ids (a view is rewritten on every event: keep it small),
     * stored as one binary value of 8 bytes per event, oldest first: encoding, copying and comparing it costs one
     * array copy where a BSON array of 128 numbers cost 128 boxed values each time.
     */
    private static byte[] remember(Document doc, EventMessage<?> event) {
        long[] before = doc == null ? new long[0] : appliedHashes(doc);
        int kept = Math.min(before.length, REMEMBERED_EVENTS - 1);
        ByteBuffer applied = ByteBuffer.allocate((kept + 1) * Long.BYTES);
        for (int i = before.length - kept; i < before.length; i++) {
            applied.putLong(before[i]);
        }
        applied.putLong(idHash(event.getIdentifier()));
        return applied.array();
    }

    /** The applied events' hashes: binary as stored now, or the array of numbers views were stored with before. */
    private static long[] appliedHashes(Document doc) {
        Object applied = doc.get(APPLIED);
        byte[] bytes = applied instanceof Binary binary ? binary.getData() : applied instanceof byte[] b ? b : null;
        if (bytes != null) {
            long[] hashes = new long[bytes.length / Long.BYTES];
            ByteBuffer.wrap(bytes).asLongBuffer().get(hashes);
            return hashes;
        }
        return applied instanceof List<?> list ? list.stream().mapToLong(h -> ((Number) h).longValue()).toArray()
                : new long[0];
    }

    /** FNV-1a, 64 bits: among the last 128 events of one view a collision is out of the question in practice. */
    static long idHash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static String actorOf(EventMessage<?> event) {
        Object actor = event.getMetaData().get("actor");
        return actor == null ? "system" : actor.toString();
    }

    /** The view's JSON with its version, for the full audience ({@code audience} null) or a variant. */
    public Optional<ObjectNode> json(String projection, String id, String audience) {
        Document doc = views(projection).find(Filters.eq("_id", key(id, audience))).first();
        if (doc != null && Boolean.TRUE.equals(doc.getBoolean(SAME_AS_FULL))) {
            Document full = views(projection).find(Filters.eq("_id", id)).first();
            return Optional.ofNullable(full).map(f -> variantBody(doc, parse(f.getString("body"))));
        }
        return Optional.ofNullable(doc).map(d -> parse(d.getString("body")));
    }

    /** The view as its record, without version. */
    public <V> Optional<V> find(String projection, String id, Class<V> viewClass) {
        return json(projection, id, null).map(json -> toView(json, viewClass));
    }

    public long version(String projection, String id, String audience) {
        Document doc = views(projection).find(Filters.eq("_id", key(id, audience))).first();
        return doc == null ? 0 : doc.getLong(VERSION);
    }

    /** The changes after version {@code since}, oldest first. */
    public List<Change> changesSince(String projection, String id, String audience, long since) {
        // by their ids: view key and version, up to the view's version
        String key = key(id, audience);
        List<String> ids = LongStream.rangeClosed(since + 1, version(projection, id, audience))
                .mapToObj(v -> key + "|" + v).toList();
        List<Change> result = new ArrayList<>();
        for (Document d : byIds(changes(projection), ids)) {
            result.add(new Change(d.getString("type"), id, d.getLong(VERSION), Instant.parse(d.getString("at")),
                    d.getString("actor"), parseAny(d.getString("patch"))));
        }
        return result;
    }

    /**
     * The full views with these ids, as records, in the order of the ids; an id without a view is left out. For
     * views that split a list into pages (a decision's history), found by their ids like the changes.
     */
    public <V> List<V> findAll(String projection, List<String> ids, Class<V> viewClass) {
        List<V> result = new ArrayList<>();
        for (Document d : byIds(views(projection), ids)) {
            result.add(toView(parse(d.getString("body")), viewClass));
        }
        return result;
    }

    /**
     * The documents with these ids, in the order of the ids, a query per {@value #IDS_PER_QUERY}: a lookup in the
     * unique _id index even on the embedded server, where a query on other fields scans the whole collection.
     */
    private static List<Document> byIds(MongoCollection<Document> collection, List<String> ids) {
        List<Document> result = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            Map<Object, Document> found = new java.util.HashMap<>();
            collection.find(Filters.in("_id", some)).forEach(d -> found.put(d.get("_id"), d));
            some.stream().map(found::get).filter(java.util.Objects::nonNull).forEach(result::add);
        }
        return result;
    }

    public Set<String> idsWhere(String projection, String ref, String value) {
        Set<String> ids = new HashSet<>();
        for (Document d : views(projection).find(Filters.eq("refs." + ref, value)).projection(new Document("_id", 1))) {
            String key = d.getString("_id");
            if (key.indexOf('|') < 0) {
                ids.add(key);
            }
        }
        return ids;
    }

    /** Every full view of the projection: id → JSON with version. */
    public Map<String, ObjectNode> all(String projection) {
        Map<String, ObjectNode> result = new java.util.TreeMap<>();
        Map<String, Document> docs = new java.util.HashMap<>();
        for (Document d : views(projection).find()) {
            docs.put(d.getString("_id"), d);
        }
        docs.forEach((key, d) -> {
            if (Boolean.TRUE.equals(d.getBoolean(SAME_AS_FULL))) {
                Document full = docs.get(key.substring(0, key.indexOf('|')));
                if (full != null) {
                    result.put(key, variantBody(d, parse(full.getString("body"))));
                }
            } else {
                result.put(key, parse(d.getString("body")));
            }
        });
        return result;
    }

    /** Removes every view and change of the projection (before a rebuild). */
    public void clear(String projection) {
        if (written != null) {
            written.removeStartingWith(cacheKey(projection, ""));
        }
        views(projection).deleteMany(new Document());
        changes(projection).deleteMany(new Document());
    }

    /**
     * The layout the projection's views are stored in ({@link Projection#format()}): 1 until a rebuild records
     * another. Kept beside the views, in the read-model file.
     */
    public int format(String projection) {
        Document d = collections.computeIfAbsent(FORMATS, db::getCollection).find(Filters.eq("_id", projection))
                .first();
        return d == null ? 1 : d.getInteger("format");
    }

    /** Records that the projection's views are now stored in layout {@code format}. */
    void markFormat(String projection, int format) {
        collections.computeIfAbsent(FORMATS, db::getCollection).replaceOne(Filters.eq("_id", projection),
                new Document("_id", projection).append("format", format), UPSERT);
    }

    /** A lookup over the stored views, as a batch with nothing waiting sees them (for applying one event). */
    public ViewLookup lookup() {
        return batch().lookup();
    }

    private static String key(String id, String audience) {
        return audience == null ? id : id + "|" + audience;
    }

    private MongoCollection<Document> views(String projection) {
        return collections.computeIfAbsent("view_" + projection, db::getCollection);
    }

    private MongoCollection<Document> changes(String projection) {
        return collections.computeIfAbsent("changes_" + projection, db::getCollection);
    }

    /**
     * A view's JSON as text ({@code text}, null when not kept) and parsed ({@code json}): exactly as it will read
     * back from the store.
     */
    private record Normalised(String text, ObjectNode json) {

        /**
         * The stored body, {@code text} with {@code version} last, as {@link #withVersion} puts it: it parses to
         * the same JSON as the body's own text, without writing the body again. Empty when the text is not kept
         * or the view has a field of that name itself.
         */
        Optional<String> textWithVersion(long version) {
            if (text == null || json.has(VERSION) || !text.endsWith("}")) {
                return Optional.empty();
            }
            String field = "\"" + VERSION + "\":" + version + "}";
            return Optional.of(json.isEmpty() ? "{" + field : text.substring(0, text.length() - 1) + "," + field);
        }
    }

    /**
     * The view as JSON exactly as it will read back from the store: numbers take the node types the parser gives
     * them (a long 4 and an int 4 are different nodes to Jackson, which would put spurious operations in patches).
     */
    private Normalised normalised(Object view) {
        try {
            String text = mapper.writeValueAsString(view);
            return new Normalised(text, parse(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view cannot be written as JSON", e);
        }
    }

    private JsonNode parseAny(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored patch is not JSON", e);
        }
    }

    private ObjectNode parse(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored view is not JSON", e);
        }
    }

    /** The view record of the JSON, which is only read (it may be the cached body of a view). */
    <V> V toView(JsonNode json, Class<V> viewClass) {
        try {
            return mapper.treeToValue(withoutVersion((ObjectNode) json), viewClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored view does not fit " + viewClass.getSimpleName(), e);
        }
    }
}
