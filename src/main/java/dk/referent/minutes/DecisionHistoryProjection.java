package dk.referent.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dk.referent.meeting.api.DecisionRecorded;
import dk.referent.minutes.DecisionHistoryPage.Revision;
import dk.referent.view.Projection;
import dk.referent.view.ViewLookup;

/**
 * The decision history of each agenda item, in pages of revisions ({@link DecisionHistoryPage}). Who may see an
 * item's history is decided by the minutes: an observer gets it only for an item their minutes show.
 */
@Component
@Order(40)
public class DecisionHistoryProjection implements Projection<DecisionHistoryPage> {

    public static final String NAME = "decisions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DecisionHistoryPage> viewClass() {
        return DecisionHistoryPage.class;
    }

    /** 2: pages of revisions; 1 was a view per item holding every revision. */
    @Override
    public int format() {
        return 2;
    }

    @Override
    public Set<String> targets(EventMessage<?> event, ViewLookup views) {
        if (event.getPayload() instanceof DecisionRecorded d) {
            return Set.of(DecisionHistoryPage.id(d.meetingId(), d.itemId(), d.revision()));
        }
        return Set.of();
    }

    @Override
    public DecisionHistoryPage apply(String id, DecisionHistoryPage page, EventMessage<?> event, ViewLookup views) {
        if (event.getPayload() instanceof DecisionRecorded d) {
            List<Revision> revisions = new ArrayList<>(page == null ? List.of() : page.revisions());
            revisions.add(new Revision(d.revision(), d.text(), d.outcome(), MinutesProjection.actor(event),
                    event.getTimestamp(), d.reason(), d.correction(), d.merged(), d.baseRevision()));
            return new DecisionHistoryPage(d.meetingId(), d.itemId(), revisions);
        }
        return page;
    }
}
