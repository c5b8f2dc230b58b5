package dk.referent.minutes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dk.referent.meeting.api.Outcome;
import dk.referent.meeting.api.Visibility;

/** Every revision of every decision of one meeting, oldest first: the audit of who changed a decision. */
public record DecisionHistoryView(String meetingId, String committeeId, List<ItemHistory> items) {

    public record ItemHistory(String itemId, Visibility visibility, List<Revision> revisions) {
    }

    /** One revision with who, when, why, and what it replaced. */
    public record Revision(long revision, String text, Outcome outcome, String by, Instant at, String reason,
                           boolean correction, boolean merged, long baseRevision, String previousText,
                           Outcome previousOutcome) {
    }

    DecisionHistoryView withItem(ItemHistory item) {
        List<ItemHistory> is = new ArrayList<>();
        boolean replaced = false;
        for (ItemHistory i : items) {
            if (i.itemId().equals(item.itemId())) {
                is.add(item);
                replaced = true;
            } else {
                is.add(i);
            }
        }
        if (!replaced) {
            is.add(item);
        }
        return new DecisionHistoryView(meetingId, committeeId, is);
    }

    ItemHistory item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst()
                .orElse(new ItemHistory(itemId, Visibility.OPEN, List.of()));
    }
}
