package dk.referent.meeting.api;

/**
 * Revision {@code revision} of an item's decision. Carries what it replaced ({@code previousText},
 * {@code previousOutcome}: null for the first), the revision the author started from, whether the text is a
 * three-way merge of the author's edit with revisions recorded in between ({@code merged}), and whether it
 * corrects approved minutes ({@code correction}, with a {@code reason}). Who and when travel in metadata.
 */
public record DecisionRecorded(String meetingId, String itemId, long revision, String text, Outcome outcome,
                               String previousText, Outcome previousOutcome, long baseRevision, boolean merged,
                               String reason, boolean correction) implements MeetingEvent {
}
