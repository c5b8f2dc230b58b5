package dk.referent.minutes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.committee.CommitteeProjection;
import dk.referent.committee.CommitteeView;
import dk.referent.committee.api.MemberAdded;
import dk.referent.fund.api.FundEvent;
import dk.referent.meeting.api.ActionItemAdded;
import dk.referent.meeting.api.ActionStatus;
import dk.referent.meeting.api.ActionStatusChanged;
import dk.referent.meeting.api.AgendaItemAdded;
import dk.referent.meeting.api.AgendaItemDetails;
import dk.referent.meeting.api.AgendaItemEdited;
import dk.referent.meeting.api.ApologyRegistered;
import dk.referent.meeting.api.ApologyWithdrawn;
import dk.referent.meeting.api.AttendanceRecorded;
import dk.referent.meeting.api.DecisionRecorded;
import dk.referent.meeting.api.EarlyDepartureRecorded;
import dk.referent.meeting.api.GuestInvited;
import dk.referent.meeting.api.MeetingClosed;
import dk.referent.meeting.api.MeetingEvent;
import dk.referent.meeting.api.MeetingScheduled;
import dk.referent.meeting.api.MeetingStarted;
import dk.referent.meeting.api.MeetingStatus;
import dk.referent.meeting.api.MinutesApproved;
import dk.referent.meeting.api.Visibility;
import dk.referent.minutes.MinutesView.Action;
import dk.referent.minutes.MinutesView.Decision;
import dk.referent.minutes.MinutesView.Guest;
import dk.referent.minutes.MinutesView.Item;
import dk.referent.minutes.MinutesView.Participant;
import dk.referent.view.Projection;
import dk.referent.view.ViewLookup;

/**
 * The minutes of each meeting: participants and their attendance, the agenda with decisions, guests, actions
 * and the budgets approved under an item. Observers get the "open" variant, without closed items.
 */
@Component
@Order(20)
public class MinutesProjection implements Projection<MinutesView> {

    public static final String NAME = "minutes";
    public static final String OPEN = "open";

    static final String EXPECTED = "EXPECTED";
    static final String APOLOGY = "APOLOGY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MinutesView> viewClass() {
        return MinutesView.class;
    }

    @Override
    public String topic(String id) {
        return "/topic/meetings/" + id;
    }

    /** The committee, and each budget approved under one of its items ({@code budget_<id>}). */
    @Override
    public Map<String, String> refs(MinutesView view) {
        Map<String, String> refs = new java.util.TreeMap<>();
        refs.put("committeeId", view.committee().id());
        view.items().forEach(i -> i.budgets().forEach(b -> refs.put(budgetRef(b.budgetId()), "1")));
        return refs;
    }

    static String budgetRef(String budgetId) {
        return "budget_" + budgetId;
    }

    @Override
    public Map<String, UnaryOperator<ObjectNode>> audiences() {
        return Map.of(OPEN, MinutesProjection::withoutClosedItems);
    }

    /** The minutes as an observer may see them: closed items are left out entirely. */
    public static ObjectNode withoutClosedItems(ObjectNode minutes) {
        JsonNode items = minutes.get("items");
        if (items instanceof ArrayNode array) {
            ArrayNode open = minutes.arrayNode();
            array.forEach(i -> {
                if (!Visibility.CLOSED.name().equals(i.path("visibility").asText())) {
                    open.add(i);
                }
            });
            minutes.set("items", open);
        }
        return minutes;
    }

    @Override
    public Set<String> targets(EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof MemberAdded m) {
            Set<String> ids = new LinkedHashSet<>();
            for (String id : views.idsWhere(NAME, "committeeId", m.committeeId())) {
                views.find(NAME, id, MinutesView.class).filter(MinutesView::open).ifPresent(v -> ids.add(id));
            }
            return ids;
        }
        if (e instanceof MeetingEvent m) {
            return Set.of(m.meetingId());
        }
        if (e instanceof FundEvent f) {
            return BudgetLinks.targets(f, views);
        }
        return Set.of();
    }

    @Override
    public MinutesView apply(String id, MinutesView v, EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof MeetingScheduled s) {
            CommitteeView committee = views.find(CommitteeProjection.NAME, s.committeeId(), CommitteeView.class)
                    .orElseThrow(() -> new IllegalStateException("meeting of unknown committee " + s.committeeId()));
            List<Participant> participants = new ArrayList<>();
            committee.members().forEach(m -> participants.add(participant(m)));
            return new MinutesView(s.meetingId(), new MinutesView.CommitteeRef(committee.id(), committee.name()),
                    s.title(), s.startsAt(), s.endsAt(), s.location(), s.mode(), MeetingStatus.PLANNED, null,
                    participants, List.of());
        } else if (e instanceof MemberAdded m) {
            if (v.hasParticipant(m.memberId())) {
                return v;
            }
            List<Participant> ps = new ArrayList<>(v.participants());
            ps.add(participant(new CommitteeView.Member(m.memberId(), blankToNull(m.name()), m.title(),
                    m.organisation(), m.role(), blankToNull(m.name()) == null)));
            return v.withParticipants(ps);
        } else if (e instanceof AgendaItemAdded a) {
            List<Item> items = new ArrayList<>(v.items());
            items.add(item(a.itemId(), a.number(), a.details(), List.of(), null, List.of(), List.of()));
            return v.withItems(items);
        } else if (e instanceof AgendaItemEdited a) {
            return v.mapItem(a.itemId(), i -> item(i.id(), i.number(), a.details(), i.guests(), i.decision(),
                    i.actions(), i.budgets()));
        } else if (e instanceof GuestInvited g) {
            Guest guest = new Guest(g.guestId(), g.name(), g.title(), g.organisation(), EXPECTED, null);
            MinutesView result = v;
            for (String itemId : g.itemIds()) {
                result = result.mapItem(itemId, i -> {
                    List<Guest> gs = new ArrayList<>(i.guests());
                    gs.add(guest);
                    return i.withGuests(gs);
                });
            }
            return result;
        } else if (e instanceof ApologyRegistered a) {
            return v.mapParticipant(a.memberId(), p -> p.withAttendance(APOLOGY, a.reason()));
        } else if (e instanceof ApologyWithdrawn a) {
            return v.mapParticipant(a.memberId(), p -> p.withAttendance(EXPECTED, null));
        } else if (e instanceof AttendanceRecorded a) {
            if (v.hasParticipant(a.personId())) {
                return v.mapParticipant(a.personId(), p -> p.withAttendance(a.presence().name(), null));
            }
            return v.mapGuest(a.personId(), g -> g.withAttendance(a.presence().name()));
        } else if (e instanceof EarlyDepartureRecorded d) {
            if (v.hasParticipant(d.personId())) {
                return v.mapParticipant(d.personId(), p -> p.withLeftEarly(d.note() == null ? "" : d.note()));
            }
            return v.mapGuest(d.personId(), g -> g.withLeftEarly(d.note() == null ? "" : d.note()));
        } else if (e instanceof MeetingStarted) {
            return v.withStatus(MeetingStatus.IN_PROGRESS);
        } else if (e instanceof MeetingClosed) {
            return v.withStatus(MeetingStatus.CLOSED);
        } else if (e instanceof MinutesApproved a) {
            return v.withApproval(a.digest());
        } else if (e instanceof DecisionRecorded d) {
            Decision decision = new Decision(d.revision(), d.text(), d.outcome(), actor(event), event.getTimestamp(),
                    d.correction(), d.reason());
            return v.mapItem(d.itemId(), i -> i.withDecision(decision));
        } else if (e instanceof ActionItemAdded a) {
            return v.mapItem(a.itemId(), i -> {
                List<Action> actions = new ArrayList<>(i.actions());
                actions.add(new Action(a.actionId(), a.description(), a.owner(), a.due(), ActionStatus.OPEN));
                return i.withActions(actions);
            });
        } else if (e instanceof FundEvent f) {
            return BudgetLinks.apply(v, f);
        } else if (e instanceof ActionStatusChanged a) {
            return v.mapItem(a.itemId(), i -> i.withActions(i.actions().stream()
                    .map(x -> x.id().equals(a.actionId()) ? x.withStatus(a.status()) : x).toList()));
        }
        return v;
    }

    private static Item item(String id, int number, AgendaItemDetails d, List<Guest> guests, Decision decision,
                             List<Action> actions, List<MinutesView.BudgetRef> budgets) {
        return new Item(id, number, d.title(), d.kind(), d.visibility(), d.timeSlot(), d.presenter(),
                d.recommendations(), d.caseDescription(), d.economy(), d.attachments(), guests, decision, actions,
                budgets);
    }

    private static Participant participant(CommitteeView.Member m) {
        return new Participant(m.id(), m.name(), m.title(), m.organisation(), m.role().name(), EXPECTED, null, null,
                m.vacancy());
    }

    static String actor(EventMessage<?> event) {
        Object a = event.getMetaData().get("actor");
        return a == null ? "system" : a.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
