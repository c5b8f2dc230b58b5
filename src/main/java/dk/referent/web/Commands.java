package dk.referent.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import dk.referent.view.ProjectionBarrier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How controllers send commands: synchronously, and then waiting (briefly) until the read models have taken
 * in the events the command produced, so that a GET right after a 2xx sees the change (read your writes).
 * The events are durable before this returns; the wait only concerns the projections.
 */
@Component
public class Commands {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final CommandGateway gateway;
    private final ProjectionBarrier barrier;

    private final MeterRegistry registry;
    /** By command and outcome: registering looks the meter up by its tags, which showed under load. */
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    Commands(CommandGateway gateway, ProjectionBarrier barrier, MeterRegistry registry) {
        this.gateway = gateway;
        this.barrier = barrier;
        this.registry = registry;
    }

    /**
     * Sends the command, waits for its result and for the projections; rethrows the handler's exception.
     * Timed as referent_command_seconds{command, outcome}.
     */
    public <R> R send(Object command) {
        long start = System.nanoTime();
        String outcome = "refused";
        try {
            GenericCommandMessage<Object> message = new GenericCommandMessage<>(command);
            R result = gateway.sendAndWait(message);
            barrier.awaitProjections(message.getIdentifier(), PROJECTION_WAIT);
            outcome = "ok";
            return result;
        } finally {
            String name = command.getClass().getSimpleName();
            String result = outcome;
            timers.computeIfAbsent(name + "/" + result, key -> Timer.builder("referent.command")
                    .description("command sent until its read models are updated")
                    .tag("command", name).tag("outcome", result)
                    .publishPercentiles(0.5, 0.95, 0.99).register(registry))
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
