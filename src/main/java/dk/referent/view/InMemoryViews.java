package dk.referent.view;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Views folded in memory from a stream of events, through the same {@link Projection}s as the live ones: used
 * for the minutes "as of" a moment, the approval digest and the consistency check.
 */
public final class InMemoryViews implements ViewLookup {

    private final List<Projection<?>> projections;
    private final ObjectMapper mapper;
    private final Map<String, Map<String, Object>> views = new HashMap<>();
    private final Map<String, Map<String, Long>> versions = new HashMap<>();

    public InMemoryViews(List<Projection<?>> projections, ObjectMapper mapper) {
        this.projections = projections;
        this.mapper = mapper;
    }

    /** Folds the events (in log order) that pass the filter. */
    public InMemoryViews fold(Stream<? extends EventMessage<?>> events, Predicate<EventMessage<?>> filter) {
        events.filter(filter).forEach(this::apply);
        return this;
    }

    public void apply(EventMessage<?> event) {
        for (Projection<?> p : projections) {
            applyTo(p, event);
        }
    }

    private <V> void applyTo(Projection<V> p, EventMessage<?> event) {
        Map<String, Object> byId = views.computeIfAbsent(p.name(), k -> new LinkedHashMap<>());
        Map<String, Long> vs = versions.computeIfAbsent(p.name(), k -> new HashMap<>());
        for (String id : new TreeSet<>(p.targets(event, this))) {
            @SuppressWarnings("unchecked")
            V current = (V) byId.get(id);
            byId.put(id, p.apply(id, current, event, this));
            vs.merge(id, 1L, Long::sum);
        }
    }

    @Override
    public <V> Optional<V> find(String projectionName, String id, Class<V> viewClass) {
        Object v = views.getOrDefault(projectionName, Map.of()).get(id);
        return Optional.ofNullable(viewClass.cast(v));
    }

    @Override
    public Set<String> idsWhere(String projectionName, String ref, String value) {
        Projection<?> p = projection(projectionName);
        Set<String> ids = new TreeSet<>();
        views.getOrDefault(projectionName, Map.of()).forEach((id, v) -> {
            if (value.equals(refsOf(p, v).get(ref))) {
                ids.add(id);
            }
        });
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, String> refsOf(Projection<V> p, Object view) {
        return p.refs((V) view);
    }

    private Projection<?> projection(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no projection " + name));
    }

    /** The view's JSON with its version, as the store would serve it, for the full audience or a variant. */
    public Optional<ObjectNode> json(String projectionName, String id, String audience) {
        Object v = views.getOrDefault(projectionName, Map.of()).get(id);
        if (v == null) {
            return Optional.empty();
        }
        ObjectNode body;
        try {
            body = (ObjectNode) mapper.readTree(mapper.writeValueAsString(v));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (audience != null) {
            body = projection(projectionName).audiences().get(audience).apply(body);
        }
        body.put(ViewStore.VERSION, versions.get(projectionName).get(id));
        return Optional.of(body);
    }

    /** Every full view of the projection: id → JSON with version. */
    public Map<String, ObjectNode> all(String projectionName) {
        Map<String, ObjectNode> result = new TreeMap<>();
        views.getOrDefault(projectionName, Map.of()).keySet()
                .forEach(id -> result.put(id, json(projectionName, id, null).orElseThrow()));
        return result;
    }
}
