package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code memberId}: a member of the meeting's committee (the sender checks it against the committee). */
public record RegisterApology(@TargetAggregateIdentifier String meetingId, String memberId, String reason) {
}
