package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartMeeting(@TargetAggregateIdentifier String meetingId) {
}
