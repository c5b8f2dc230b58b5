package dk.referent.view;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One read model, as a pure function of the event log: the same events always give the same views.
 * <p>
 * The live projection ({@link ProjectionRunner}), a rebuild, the minutes "as of" a moment and the consistency
 * check all fold events through these same methods, so they cannot disagree. Implementations are Spring beans;
 * they must not read the clock, call out, or keep state of their own: everything they need is in the event
 * (payload, metadata, timestamp) and in other views reachable through {@link ViewLookup}.
 * <p>
 * A view is an immutable record {@code V}. The store adds its {@code version} (the number of events applied
 * to it) to the JSON it serves; {@code V} does not carry it.
 *
 * @param <V> the view record
 */
public interface Projection<V> {

    /** Short name: collection name, rebuild endpoint name ("minutes", "fundstatus"). */
    String name();

    Class<V> viewClass();

    /**
     * The ids of the views of this projection that the event changes; empty for events it ignores. May look up
     * other views (e.g. the meetings of a committee through {@link ViewLookup#idsWhere}).
     */
    Set<String> targets(EventMessage<?> event, ViewLookup views);

    /**
     * The view after the event. {@code current} is null when the view does not exist yet. Returning a view equal
     * to {@code current} still counts as applying the event (the version rises by one).
     */
    V apply(String id, V current, EventMessage<?> event, ViewLookup views);

    /**
     * Indexed values of a view, for {@link ViewLookup#idsWhere} (e.g. {@code committeeId} of a meeting's minutes).
     */
    default Map<String, String> refs(V view) {
        return Map.of();
    }

    /**
     * Variants of the view for restricted audiences, by name: each has its own version and change feed and is
     * stored beside the full view (e.g. "open": minutes without closed items, for observers). The function
     * receives the full view's JSON (with version removed) and returns the variant's JSON.
     */
    default Map<String, UnaryOperator<ObjectNode>> audiences() {
        return Map.of();
    }

    /**
     * The layout of this projection's views. Raise it when a new layout cannot read the old one's views: at start,
     * a projection whose views were stored in another layout is rebuilt from the log ({@link ProjectionAdmin}).
     */
    default int format() {
        return 1;
    }

    /** The STOMP topic on which changes of view {@code id} are pushed, or null if it is not pushed live. */
    default String topic(String id) {
        return null;
    }
}
