package dk.referent.view;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets a command's sender wait until the projections have processed the events the command produced.
 * <p>
 * Every event carries the id of the command that caused it as its {@code correlationId}. When an event is
 * published, {@link #dispatched} remembers it as the latest of its correlation id; when the projection
 * processor has stored every view for it, {@link #processed} marks it done. Events of one command are
 * processed in order, so waiting for the last one suffices. On several instances the processor may run
 * elsewhere: the wait then ends at its timeout, and the answer is still correct (the events are stored).
 */
@Component
public class ProjectionBarrier {

    private static final Logger log = LoggerFactory.getLogger(ProjectionBarrier.class);
    private static final int MAX_PENDING = 10_000;

    /** correlation id → the last event id published for it, and the future completed when it is processed */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(String lastEventId, CompletableFuture<Void> done, long since) {
    }

    public void dispatched(EventMessage<?> event) {
        Object correlation = event.getMetaData().get("correlationId");
        if (correlation == null) {
            return;
        }
        if (pending.size() > MAX_PENDING) {
            // entries of commands that failed after publishing, or whose sender did not wait: drop old ones
            long old = System.nanoTime() - TimeUnit.MINUTES.toNanos(1);
            pending.entrySet().removeIf(e -> e.getValue().done().isDone() || e.getValue().since() < old);
        }
        pending.compute(correlation.toString(), (key, previous) -> new Pending(event.getIdentifier(),
                previous == null ? new CompletableFuture<>() : previous.done(), System.nanoTime()));
    }

    public void processed(EventMessage<?> event) {
        Object correlation = event.getMetaData().get("correlationId");
        if (correlation == null) {
            return;
        }
        Pending p = pending.get(correlation.toString());
        if (p != null && p.lastEventId().equals(event.getIdentifier())) {
            p.done().complete(null);
        }
    }

    private volatile java.util.function.BooleanSupplier processesHere = () -> true;

    /**
     * Whether this instance currently runs the projection processor (holds its segment). With several instances
     * only one does; the others answer at once instead of waiting for a processor that runs elsewhere.
     */
    public void processesHere(java.util.function.BooleanSupplier test) {
        this.processesHere = test;
    }

    /** Waits until the events of this command are in every read model, or the timeout passes. */
    public void awaitProjections(String correlationId, Duration timeout) {
        Pending p = pending.get(correlationId);
        if (p == null) {
            return; // the command produced no event
        }
        if (!processesHere.getAsBoolean()) {
            pending.remove(correlationId, p);
            return;
        }
        try {
            p.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("projections did not catch up with command {} within {}", correlationId, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("waiting for projections of {} failed", correlationId, e);
        } finally {
            pending.remove(correlationId, p);
        }
    }
}
