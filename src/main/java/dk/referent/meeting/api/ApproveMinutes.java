package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code digest}: SHA-256 (hex) of minutes.md as approved, computed by the sender from a fresh fold of the log. */
public record ApproveMinutes(@TargetAggregateIdentifier String meetingId, String digest) {
}
