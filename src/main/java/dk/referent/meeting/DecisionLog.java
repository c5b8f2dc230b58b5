package dk.referent.meeting;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import dk.referent.meeting.api.DecisionRecorded;

/**
 * The text of an older revision of a decision, read from the event that recorded it. A meeting keeps only the
 * latest texts of each decision (Meeting.TEXTS_KEPT); an edit made on an older revision needs its text as the base
 * of the merge. Given to the command handler by Axon (a Spring bean as a handler parameter).
 */
@Component
public class DecisionLog {

    private final EventStore events;

    public DecisionLog(EventStore events) {
        this.events = events;
    }

    /** The text of revision {@code revision} of the item's decision, recorded as the meeting's version. */
    String text(String meetingId, String itemId, long revision, long version) {
        DomainEventStream stream = events.readEvents(meetingId, version - 1);
        if (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() == version - 1 && event.getPayload() instanceof DecisionRecorded recorded
                    && recorded.itemId().equals(itemId) && recorded.revision() == revision) {
                return recorded.text();
            }
        }
        throw new IllegalStateException("revision " + revision + " of the decision on item " + itemId
                + " of meeting " + meetingId + " is not event " + (version - 1) + " of its log");
    }
}
