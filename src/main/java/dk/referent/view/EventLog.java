package dk.referent.view;

import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/** The whole event log, in the order the tracking processors see it (by timestamp). */
@Component
public class EventLog {

    private final EventStorageEngine engine;

    EventLog(EventStorageEngine engine) {
        this.engine = engine;
    }

    /** Every stored event, oldest first; close the stream when done. */
    public Stream<? extends TrackedEventMessage<?>> all() {
        return engine.readEvents(null, false);
    }
}
