package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A decision, or a new revision of one. {@code baseRevision} is the revision the author edited (0 for the
 * first). {@code reason} is required once the minutes are approved (the revision is then a correction).
 */
public record RecordDecision(@TargetAggregateIdentifier String meetingId, String itemId, String text, Outcome outcome,
                             long baseRevision, String reason) {
}
