package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeActionStatus(@TargetAggregateIdentifier String meetingId, String actionId, ActionStatus status) {
}
