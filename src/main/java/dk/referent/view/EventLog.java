package dk.referent.view;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import dk.referent.store.StoredEvents;

/**
 * The whole event log, in the order the tracking processors see it (by timestamp), read in one pass. Each event
 * carries its position in this order (1, 2, …) as its token.
 */
@Component
public class EventLog {

    private final StoredEvents stored;

    EventLog(StoredEvents stored) {
        this.stored = stored;
    }

    /** Every stored event, oldest first; close the stream when done. */
    public Stream<? extends TrackedEventMessage<?>> all() {
        AtomicLong position = new AtomicLong();
        return stored.inOrder().map(e -> new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(position.incrementAndGet()), e));
    }
}
