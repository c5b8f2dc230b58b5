package dk.referent.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.meeting.api.AgendaItemAdded;
import dk.referent.meeting.api.AgendaItemEdited;
import dk.referent.meeting.api.DecisionRecorded;
import dk.referent.meeting.api.Visibility;
import dk.referent.minutes.DecisionHistoryView.Revision;
import dk.referent.view.Projection;
import dk.referent.view.ViewLookup;

/**
 * The decision history of each agenda item. Observers get the "open" variant, which for a closed item holds no
 * revisions at all.
 */
@Component
@Order(40)
public class DecisionHistoryProjection implements Projection<DecisionHistoryView> {

    public static final String NAME = "decisions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DecisionHistoryView> viewClass() {
        return DecisionHistoryView.class;
    }

    @Override
    public Map<String, String> refs(DecisionHistoryView view) {
        return Map.of("committeeId", view.committeeId(), "meetingId", view.meetingId());
    }

    @Override
    public Map<String, UnaryOperator<ObjectNode>> audiences() {
        return Map.of(MinutesProjection.OPEN, json -> {
            if (Visibility.CLOSED.name().equals(json.path("visibility").asText())) {
                json.set("revisions", json.arrayNode());
            }
            return json;
        });
    }

    @Override
    public Set<String> targets(EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof AgendaItemAdded a) {
            return Set.of(DecisionHistoryView.id(a.meetingId(), a.itemId()));
        } else if (e instanceof AgendaItemEdited a && a.previous().visibility() != a.details().visibility()) {
            return Set.of(DecisionHistoryView.id(a.meetingId(), a.itemId()));
        } else if (e instanceof DecisionRecorded d) {
            return Set.of(DecisionHistoryView.id(d.meetingId(), d.itemId()));
        }
        return Set.of();
    }

    @Override
    public DecisionHistoryView apply(String id, DecisionHistoryView v, EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof AgendaItemAdded a) {
            String committeeId = views.find(MinutesProjection.NAME, a.meetingId(), MinutesView.class)
                    .map(m -> m.committee().id()).orElse(null);
            return new DecisionHistoryView(a.meetingId(), a.itemId(), committeeId, a.details().visibility(),
                    List.of());
        } else if (e instanceof AgendaItemEdited a) {
            return new DecisionHistoryView(v.meetingId(), v.itemId(), v.committeeId(), a.details().visibility(),
                    v.revisions());
        } else if (e instanceof DecisionRecorded d) {
            List<Revision> revisions = new ArrayList<>(v.revisions());
            revisions.add(new Revision(d.revision(), d.text(), d.outcome(), MinutesProjection.actor(event),
                    event.getTimestamp(), d.reason(), d.correction(), d.merged(), d.baseRevision()));
            return new DecisionHistoryView(v.meetingId(), v.itemId(), v.committeeId(), v.visibility(), revisions);
        }
        return v;
    }
}
