package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code personId} is a committee member's id or a guest's id. */
public record RecordAttendance(@TargetAggregateIdentifier String meetingId, String personId, Presence presence) {
}
