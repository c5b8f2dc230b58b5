package dk.referent.minutes;

import java.time.Instant;
import java.util.List;

import dk.referent.meeting.api.Outcome;
import dk.referent.meeting.api.Visibility;

/**
 * Every revision of one agenda item's decision, oldest first: the audit of who changed a decision, when, why and
 * from what. One view per item (id {@code meetingId/itemId}), so a decision revised hundreds of times while it
 * is typed costs only its own history.
 */
public record DecisionHistoryView(String meetingId, String itemId, String committeeId, Visibility visibility,
                                  List<Revision> revisions) {

    /**
     * One revision with who, when and why; what it replaced is the revision before it (not repeated here, so a
     * decision typed live in hundreds of saves keeps a history half the size).
     */
    public record Revision(long revision, String text, Outcome outcome, String by, Instant at, String reason,
                           boolean correction, boolean merged, long baseRevision) {
    }

    static String id(String meetingId, String itemId) {
        return meetingId + "/" + itemId;
    }
}
