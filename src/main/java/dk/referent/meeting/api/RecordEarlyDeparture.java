package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** "Forlod mødet efter punkt 7": {@code note} says when. */
public record RecordEarlyDeparture(@TargetAggregateIdentifier String meetingId, String personId, String note) {
}
