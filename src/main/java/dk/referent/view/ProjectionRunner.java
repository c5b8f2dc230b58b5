package dk.referent.view;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The live projection: one tracking processor ("projections") hands every event, in log order, to every
 * {@link Projection} in their {@code @Order}, stores the new views and their changes, then publishes the changes
 * and tells the {@link ProjectionBarrier} the event is in. The processor stores its token once per batch, after
 * the events' views: an event handled again after a crash in between finds itself applied already (ViewStore)
 * and publishes nothing twice.
 */
@Component
@ProcessingGroup(ProjectionRunner.GROUP)
public class ProjectionRunner {

    public static final String GROUP = "projections";

    private final List<Projection<?>> projections;
    private final ViewStore store;
    private final ProjectionBarrier barrier;
    private final ObjectProvider<ChangePublisher> publisher;
    /** {@link #publisher} once resolved (empty: none in this context). */
    private volatile java.util.Optional<ChangePublisher> resolvedPublisher;

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

    /** Held while an event is applied, and by a rebuild for its whole replay. */
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();

    /** Runs the work while no event is being applied (live processing waits until it is done). */
    public <T> T exclusively(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        lock.lock();
        try {
            apply(event);
        } finally {
            lock.unlock();
        }
    }

    private void apply(EventMessage<?> event) {
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
        // the views are stored: push their changes and release the command's sender now, not when the batch
        // commits (its token): under load a batch holds many events, and the first would wait for the last
        ChangePublisher p = publisher();
        if (p != null) {
            stored.stream().filter(s -> s.topic() != null)
                    .forEach(s -> p.publish(s.topic(), s.audience(), s.change()));
        }
        barrier.processed(event);
    }

    private <V> List<ViewStore.Stored> applyTo(Projection<V> projection, EventMessage<?> event, ViewLookup lookup) {
        List<ViewStore.Stored> stored = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(projection.targets(event, lookup))) {
            stored.addAll(store.apply(projection, id, event, lookup));
        }
        return stored;
    }

    /**
     * The publisher, looked up once on the first event (the processor starts after every bean is made): each
     * lookup through the provider searches the bean factory.
     */
    private ChangePublisher publisher() {
        java.util.Optional<ChangePublisher> p = resolvedPublisher;
        if (p == null) {
            p = java.util.Optional.ofNullable(publisher.getIfAvailable());
            resolvedPublisher = p;
        }
        return p.orElse(null);
    }

    public List<Projection<?>> projections() {
        return projections;
    }
}
