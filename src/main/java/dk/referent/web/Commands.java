package dk.referent.web;

import java.time.Duration;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import dk.referent.view.ProjectionBarrier;

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

    Commands(CommandGateway gateway, ProjectionBarrier barrier) {
        this.gateway = gateway;
        this.barrier = barrier;
    }

    /** Sends the command, waits for its result and for the projections; rethrows the handler's exception. */
    public <R> R send(Object command) {
        GenericCommandMessage<Object> message = new GenericCommandMessage<>(command);
        R result = gateway.sendAndWait(message);
        barrier.awaitProjections(message.getIdentifier(), PROJECTION_WAIT);
        return result;
    }
}
