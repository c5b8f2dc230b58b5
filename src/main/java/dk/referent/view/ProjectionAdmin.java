package dk.referent.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.shared.NotFound;
import dk.referent.store.StoredEvents;

/**
 * Operations on the read models as a whole: compare every stored view with a fresh fold of the log, and
 * rebuild one projection by replaying the log into it. At start, before the processors run, a projection whose
 * views were stored in another layout ({@link Projection#format()}) is rebuilt.
 */
@Component
public class ProjectionAdmin implements SmartInitializingSingleton {

    private static final Logger logger = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final ProjectionRunner runner;
    private final ViewStore store;
    private final StoredEvents log;
    private final ObjectMapper mapper;

    ProjectionAdmin(ProjectionRunner runner, ViewStore store, StoredEvents log, ObjectMapper mapper) {
        this.runner = runner;
        this.store = store;
        this.log = log;
        this.mapper = mapper;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Projection<?> p : runner.projections()) {
            int stored = store.format(p.name());
            if (stored != p.format()) {
                logger.info("Read model {} was stored in layout {}, now {}: rebuilding it from the log", p.name(),
                        stored, p.format());
                logger.info("Read model {} rebuilt: {} events applied", p.name(), rebuild(p.name()));
            }
        }
    }

    public record Consistency(boolean consistent, int checked, List<Map<String, Object>> differences) {
    }

    /** Folds the whole log into fresh views and compares them, version included, with the stored ones. */
    public Consistency check() {
        return runner.exclusively(this::compare);
    }

    private Consistency compare() {
        InMemoryViews fresh = new InMemoryViews(runner.projections(), mapper);
        try (Stream<? extends DomainEventMessage<?>> events = log.inOrder()) {
            fresh.fold(events, e -> true);
        }
        int checked = 0;
        List<Map<String, Object>> differences = new ArrayList<>();
        for (Projection<?> p : runner.projections()) {
            Map<String, ObjectNode> expected = fresh.all(p.name());
            Map<String, ObjectNode> actual = store.all(p.name());
            Set<String> ids = new TreeSet<>(expected.keySet());
            ids.addAll(actual.keySet());
            for (String key : ids) {
                String id = key.contains("|") ? key.substring(0, key.indexOf('|')) : key;
                String audience = key.contains("|") ? key.substring(key.indexOf('|') + 1) : null;
                ObjectNode want = audience == null ? expected.get(key)
                        : fresh.json(p.name(), id, audience).map(ProjectionAdmin::withoutVersion).orElse(null);
                ObjectNode have = audience == null ? actual.get(key) : withoutVersion(actual.get(key));
                want = reparsed(want);
                have = reparsed(have);
                checked++;
                if (want == null || !want.equals(have)) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("projection", p.name());
                    d.put("id", key);
                    d.put("expected", want == null ? null : want.get(ViewStore.VERSION));
                    d.put("stored", have == null ? null : have.get(ViewStore.VERSION));
                    d.put("patch", want == null || have == null ? null
                            : com.flipkart.zjsonpatch.JsonDiff.asJson(have, want));
                    differences.add(d);
                }
            }
        }
        return new Consistency(differences.isEmpty(), checked, differences);
    }

    /** Both sides as the parser types numbers, so that an int 4 equals a long 4. */
    private ObjectNode reparsed(ObjectNode json) {
        if (json == null) {
            return null;
        }
        try {
            return (ObjectNode) mapper.readTree(json.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode withoutVersion(ObjectNode json) {
        if (json == null) {
            return null;
        }
        ObjectNode copy = json.deepCopy();
        copy.remove(ViewStore.VERSION);
        return copy;
    }

    /** Events replayed between two writes to the store in a rebuild. */
    static final int REBUILD_CHUNK = 500;

    /**
     * Replays the whole log into the named projection's views, storing them every {@value #REBUILD_CHUNK} events.
     * Live processing waits meanwhile (it resumes with the events that arrived during the replay, which the views
     * then skip or apply as they need).
     */
    public int rebuild(String name) {
        Projection<?> projection = runner.projections().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("No projection named " + name));
        return runner.exclusively(() -> {
            store.clear(name);
            int applied = 0;
            int inBatch = 0;
            ViewStore.Batch batch = store.batch();
            ViewLookup lookup = batch.lookup();
            try (Stream<? extends DomainEventMessage<?>> events = log.inOrder()) {
                for (java.util.Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                    applied += replay(batch, projection, it.next(), lookup);
                    if (++inBatch == REBUILD_CHUNK) {
                        batch.flush();
                        inBatch = 0;
                    }
                }
            }
            batch.flush();
            store.markFormat(name, projection.format());
            return applied;
        });
    }

    /** Applies the event to the views it changes; 1 if there were any (after the clear none holds it already). */
    private static <V> int replay(ViewStore.Batch batch, Projection<V> projection, DomainEventMessage<?> event,
                                  ViewLookup lookup) {
        Set<String> targets = new TreeSet<>(projection.targets(event, lookup));
        for (String id : targets) {
            batch.apply(projection, id, event, lookup);
        }
        return targets.isEmpty() ? 0 : 1;
    }
}
