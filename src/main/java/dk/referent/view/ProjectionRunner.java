package dk.referent.view;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The live projection: one tracking processor ("projections") hands every event, in log order, to every
 * {@link Projection} in their {@code @Order}, stores the new views and their changes, then publishes the changes
 * once the processor's unit of work has committed, and tells the {@link ProjectionBarrier} the event is in.
 */
@Component
@ProcessingGroup(ProjectionRunner.GROUP)
public class ProjectionRunner {

    public static final String GROUP = "projections";

    private final List<Projection<?>> projections;
    private final ViewStore store;
    private final ProjectionBarrier barrier;
    private final ObjectProvider<ChangePublisher> publisher;

    ProjectionRunner(List<Projection<?>> projections, ViewStore store, ProjectionBarrier barrier,
                     ObjectProvider<ChangePublisher> publisher) {
        this.projections = projections;
        this.store = store;
        this.barrier = barrier;
        this.publisher = publisher;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        List<ViewStore.Stored> stored = new ArrayList<>();
        ViewLookup lookup = store.lookup();
        for (Projection<?> projection : projections) {
            stored.addAll(applyTo(projection, event, lookup));
        }
        Runnable after = () -> {
            ChangePublisher p = publisher.getIfAvailable();
            if (p != null) {
                stored.stream().filter(s -> s.topic() != null)
                        .forEach(s -> p.publish(s.topic(), s.audience(), s.change()));
            }
            barrier.processed(event);
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> after.run());
        } else {
            after.run();
        }
    }

    private <V> List<ViewStore.Stored> applyTo(Projection<V> projection, EventMessage<?> event, ViewLookup lookup) {
        List<ViewStore.Stored> stored = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(projection.targets(event, lookup))) {
            stored.addAll(store.apply(projection, id, event, lookup));
        }
        return stored;
    }

    public List<Projection<?>> projections() {
        return projections;
    }
}
