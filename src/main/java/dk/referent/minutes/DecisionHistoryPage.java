package dk.referent.minutes;

import java.time.Instant;
import java.util.List;

import dk.referent.meeting.api.Outcome;

/**
 * Revisions of one agenda item's decision, oldest first, with who, when and why: the audit of who changed a
 * decision, when, why and from what (what a revision replaced is the one before it, not repeated).
 * <p>
 * An item's history is kept in pages of {@value #SIZE} revisions (id {@code meetingId/itemId/page}, page 0 holding
 * revisions 1 to {@value #SIZE}). A decision saved hundreds of times while it is typed rewrites one small page per
 * save, where one view holding the whole history was written out and stored again in full on every save; and the
 * page being written is the one written a moment ago, so it is not looked up in the store first, as a view per
 * revision would be.
 */
public record DecisionHistoryPage(String meetingId, String itemId, List<Revision> revisions) {

    public static final int SIZE = 20;

    public record Revision(long revision, String text, Outcome outcome, String by, Instant at, String reason,
                           boolean correction, boolean merged, long baseRevision) {
    }

    /** The page holding {@code revision} (from 1). */
    static String id(String meetingId, String itemId, long revision) {
        return pageId(meetingId, itemId, (revision - 1) / SIZE);
    }

    static String pageId(String meetingId, String itemId, long page) {
        return meetingId + "/" + itemId + "/" + page;
    }
}
