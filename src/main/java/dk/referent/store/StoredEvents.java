package dk.referent.store;

import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;

/** The whole event log read in one pass, in the order tracking processors see it (timestamp, sequence number). */
@FunctionalInterface
public interface StoredEvents {

    /** Every stored event, oldest first; close the stream when done. */
    Stream<? extends DomainEventMessage<?>> inOrder();
}
