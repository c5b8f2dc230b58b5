package dk.referent.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.meeting.api.AgendaItemAdded;
import dk.referent.meeting.api.AgendaItemEdited;
import dk.referent.meeting.api.DecisionRecorded;
import dk.referent.meeting.api.MeetingScheduled;
import dk.referent.meeting.api.Visibility;
import dk.referent.minutes.DecisionHistoryView.ItemHistory;
import dk.referent.minutes.DecisionHistoryView.Revision;
import dk.referent.view.Projection;
import dk.referent.view.ViewLookup;

/** The decision history of each meeting; observers get the "open" variant without closed items. */
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
        return Map.of("committeeId", view.committeeId());
    }

    @Override
    public Map<String, UnaryOperator<ObjectNode>> audiences() {
        return Map.of(MinutesProjection.OPEN, json -> {
            ArrayNode open = json.arrayNode();
            json.withArray("items").forEach(i -> {
                if (!Visibility.CLOSED.name().equals(i.path("visibility").asText())) {
                    open.add(i);
                }
            });
            json.set("items", open);
            return json;
        });
    }

    @Override
    public Set<String> targets(EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof MeetingScheduled s) {
            return Set.of(s.meetingId());
        } else if (e instanceof AgendaItemAdded a) {
            return Set.of(a.meetingId());
        } else if (e instanceof AgendaItemEdited a && a.previous().visibility() != a.details().visibility()) {
            return Set.of(a.meetingId());
        } else if (e instanceof DecisionRecorded d) {
            return Set.of(d.meetingId());
        }
        return Set.of();
    }

    @Override
    public DecisionHistoryView apply(String id, DecisionHistoryView v, EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof MeetingScheduled s) {
            return new DecisionHistoryView(s.meetingId(), s.committeeId(), List.of());
        } else if (e instanceof AgendaItemAdded a) {
            return v.withItem(new ItemHistory(a.itemId(), a.details().visibility(), List.of()));
        } else if (e instanceof AgendaItemEdited a) {
            ItemHistory i = v.item(a.itemId());
            return v.withItem(new ItemHistory(i.itemId(), a.details().visibility(), i.revisions()));
        } else if (e instanceof DecisionRecorded d) {
            ItemHistory i = v.item(d.itemId());
            List<Revision> revisions = new ArrayList<>(i.revisions());
            revisions.add(new Revision(d.revision(), d.text(), d.outcome(), MinutesProjection.actor(event),
                    event.getTimestamp(), d.reason(), d.correction(), d.merged(), d.baseRevision(), d.previousText(),
                    d.previousOutcome()));
            return v.withItem(new ItemHistory(i.itemId(), i.visibility(), revisions));
        }
        return v;
    }
}
