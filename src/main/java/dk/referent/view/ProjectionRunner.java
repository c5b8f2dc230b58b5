package dk.referent.view;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

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

    private final Timer lag;
    private final Timer work;
    private final Clock clock;
    private final MeterRegistry registry;
    private final java.util.Map<String, Timer> perProjection = new java.util.concurrent.ConcurrentHashMap<>();

    ProjectionRunner(List<Projection<?>> projections, ViewStore store, ProjectionBarrier barrier,
                     ObjectProvider<ChangePublisher> publisher, MeterRegistry registry, Clock clock) {
        this.projections = projections;
        this.store = store;
        this.barrier = barrier;
        this.publisher = publisher;
        this.clock = clock;
        this.registry = registry;
        this.lag = Timer.builder("referent.projection.lag").tag("processor", GROUP)
                .description("event time to all read models stored").publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        this.work = Timer.builder("referent.projection.apply").tag("processor", GROUP)
                .description("time to apply one event to every read model").publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        long start = System.nanoTime();
        List<ViewStore.Stored> stored = new ArrayList<>();
        ViewLookup lookup = store.lookup();
        for (Projection<?> projection : projections) {
            long t = System.nanoTime();
            stored.addAll(applyTo(projection, event, lookup));
            perProjection.computeIfAbsent(projection.name(), n -> Timer.builder("referent.projection.view")
                    .tag("projection", n).description("time to apply one event to one read model")
                    .publishPercentiles(0.5, 0.99).register(registry))
                    .record(System.nanoTime() - t, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        work.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        lag.record(java.time.Duration.between(event.getTimestamp(), clock.instant()));
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
