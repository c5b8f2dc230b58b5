package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawApology(@TargetAggregateIdentifier String meetingId, String memberId) {
}
