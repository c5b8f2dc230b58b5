package dk.referent.view;

import java.util.Optional;
import java.util.Set;

/** Read access to views while folding events: the stored views live, in-memory ones when folding the log. */
public interface ViewLookup {

    /** The view {@code id} of the named projection, if it exists. */
    <V> Optional<V> find(String projectionName, String id, Class<V> viewClass);

    /** Ids of the views of the named projection whose {@link Projection#refs} has {@code ref = value}. */
    Set<String> idsWhere(String projectionName, String ref, String value);
}
