package dk.referent.view;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The live projection: one tracking processor ("projections") hands every event, in log order, to every
 * {@link Projection} in their {@code @Order}. The views and their changes of a processor's batch of events are
 * stored together after its last event ({@link ViewStore.Batch}: a few round trips per batch instead of a few per
 * event, and a view changed by several events of the batch written once); then the changes are published and the
 * {@link ProjectionBarrier} told the events are in, and only then does the processor store its token. An event
 * handled again after a crash in between finds itself applied already (ViewStore) and publishes nothing twice.
 * With no events waiting a batch is one event, so a lone command is pushed as soon as its views are stored.
 */
@Component
@ProcessingGroup(ProjectionRunner.GROUP)
public class ProjectionRunner {

    public static final String GROUP = "projections";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);

    private final List<Projection<?>> projections;
    private final ViewStore store;
    private final ProjectionBarrier barrier;
    private final ObjectProvider<ChangePublisher> publisher;
    /** {@link #publisher} once resolved (empty: none in this context). */
    private volatile java.util.Optional<ChangePublisher> resolvedPublisher;

    private final Timer lag;
    private final Timer work;
    private final Timer flush;
    private final Timer delivery;
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
                .description("time to apply one event to every read model, not stored yet")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.delivery = Timer.builder("referent.projection.delivery").tag("processor", GROUP)
                .description("event time to the event handed to the projections").publishPercentiles(0.5, 0.99)
                .register(registry);
        this.flush = Timer.builder("referent.projection.flush").tag("processor", GROUP)
                .description("time to store the read models of a batch of events").publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Held while an event is applied (by the processor for its whole batch), and by a rebuild for its replay. */
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

    /** The unit of work's resource holding its batch. */
    private static final String BATCH = ProjectionRunner.class.getName() + ".batch";

    /** The views' writes of one unit of work's events, and the changes to publish once they are stored. */
    private final class Batch {
        final ViewStore.Batch writes = store.batch();
        final ViewLookup lookup = writes.lookup();
        final List<Applied> applied = new ArrayList<>();
    }

    private record Applied(EventMessage<?> event, List<ViewStore.Stored> stored) {
    }

    /**
     * Applies the event to every projection. In the processor's unit of work (a batch of events) the writes wait
     * until {@link #flushAtEndOfBatch} stores them after the last event; without one they are stored at once.
     */
    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        delivery.record(java.time.Duration.between(event.getTimestamp(), clock.instant()));
        if (!CurrentUnitOfWork.isStarted()) {
            lock.lock();
            try {
                Batch batch = new Batch();
                apply(batch, event);
                storeAndPublish(batch);
            } finally {
                lock.unlock();
            }
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        apply(unitOfWork.getOrComputeResource(BATCH, k -> begin(unitOfWork)), event);
    }

    /**
     * A batch for the unit of work, which holds the lock until it ends: a rebuild must not clear views whose next
     * state waits here.
     */
    private Batch begin(UnitOfWork<?> unitOfWork) {
        lock.lock();
        unitOfWork.onCleanup(u -> lock.unlock());
        Batch batch = new Batch();
        // normally stored already, by the interceptor: prepare-commit handlers run in the order registered, and
        // the processor's own, which stores its token, was registered before this event reached the handler
        unitOfWork.onPrepareCommit(u -> storeAndPublish(batch));
        unitOfWork.onRollback(u -> {
            batch.writes.discard();
            batch.applied.clear();
        });
        return batch;
    }

    /**
     * Stores the batch's views after its last event has been handled, before the unit of work commits and the
     * processor stores its token, and publishes their changes. Here, outside the handler, a failure is not merely
     * logged: it rolls the unit of work back and the processor hands the batch again (views that were stored skip
     * the events they hold).
     */
    MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
                Batch batch = unitOfWork.root().getResource(BATCH);
                if (batch != null) {
                    storeAndPublish(batch);
                }
            }
            return result;
        };
    }

    private void apply(Batch batch, EventMessage<?> event) {
        long start = System.nanoTime();
        List<ViewStore.Stored> stored = new ArrayList<>();
        for (Projection<?> projection : projections) {
            long t = System.nanoTime();
            stored.addAll(applyTo(batch, projection, event));
            perProjection.computeIfAbsent(projection.name(), n -> Timer.builder("referent.projection.view")
                    .tag("projection", n).description("time to apply one event to one read model, not stored yet")
                    .publishPercentiles(0.5, 0.99).register(registry))
                    .record(System.nanoTime() - t, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        work.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        batch.applied.add(new Applied(event, stored));
    }

    /**
     * Stores what the batch holds; then, the views being stored, pushes each event's changes and lets whoever
     * waits for the event through: now, not when the processor's unit of work commits (its token).
     */
    private void storeAndPublish(Batch batch) {
        if (batch.applied.isEmpty() && batch.writes.isEmpty()) {
            return; // stored and published already (the prepare-commit handler after the interceptor)
        }
        long start = System.nanoTime();
        batch.writes.flush();
        flush.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        ChangePublisher p = publisher();
        for (Applied a : batch.applied) {
            lag.record(java.time.Duration.between(a.event().getTimestamp(), clock.instant()));
            if (p != null) {
                a.stored().stream().filter(s -> s.topic() != null)
                        .forEach(s -> p.publish(s.topic(), s.audience(), s.change()));
            }
            barrier.processed(a.event());
        }
        batch.applied.clear();
    }

    /**
     * The event applied to each view of the projection it changes. A view that cannot take it (the projection
     * throws) is left as it was, the failure logged and counted, and the event still goes to the projection's
     * other views and to the other projections, is published where applied, and lets its sender through: one event
     * a projection cannot apply, which handing it again would not change, must not stop every meeting's live
     * record. The error log names the view and the event, and a rebuild, once the projection is fixed, makes the
     * view whole (until then a rebuild or consistency check fails on that event too). A failure of the store is
     * different: it is thrown, the processor rolls the batch back and hands it again until the store answers
     * (ProjectionWiring), so no view misses an event because the store did not answer once.
     */
    private <V> List<ViewStore.Stored> applyTo(Batch batch, Projection<V> projection, EventMessage<?> event) {
        List<ViewStore.Stored> stored = new ArrayList<>();
        java.util.Set<String> targets;
        try {
            targets = new java.util.TreeSet<>(projection.targets(event, batch.lookup));
        } catch (RuntimeException e) {
            failed(projection, "(its targets)", event, e);
            return stored;
        }
        for (String id : targets) {
            try {
                stored.addAll(batch.writes.apply(projection, id, event, batch.lookup));
            } catch (RuntimeException e) {
                failed(projection, id, event, e);
            }
        }
        return stored;
    }

    private void failed(Projection<?> projection, String id, EventMessage<?> event, RuntimeException e) {
        if (fromTheStore(e)) {
            throw e;
        }
        Counter.builder("referent.projection.failed").tag("projection", projection.name())
                .description("events a read model could not apply (logged; the view misses them until rebuilt)")
                .register(registry).increment();
        log.error("read model {} {} cannot apply event {} ({}); left without it until the projection is fixed and"
                + " rebuilt", projection.name(), id, event.getIdentifier(), event.getPayloadType().getSimpleName(), e);
    }

    /** Whether the failure came from the store (the driver's exceptions, anywhere in the cause chain). */
    private static boolean fromTheStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.mongodb.MongoException) {
                return true;
            }
        }
        return false;
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
