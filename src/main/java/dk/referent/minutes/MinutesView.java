package dk.referent.minutes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dk.referent.meeting.api.ActionStatus;
import dk.referent.meeting.api.Attachment;
import dk.referent.meeting.api.ItemKind;
import dk.referent.meeting.api.MeetingMode;
import dk.referent.meeting.api.MeetingStatus;
import dk.referent.meeting.api.Outcome;
import dk.referent.meeting.api.Visibility;

/** The minutes of one meeting, as API.md's "Minutes read model" (the store adds {@code version}). */
public record MinutesView(String meetingId, CommitteeRef committee, String title, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, String location, MeetingMode mode, MeetingStatus status,
                          String approvedDigest, List<Participant> participants, List<Item> items) {

    public record CommitteeRef(String id, String name) {
    }

    /**
     * A committee member at this meeting. {@code attendance}: EXPECTED, IN_ROOM, VIRTUAL, APOLOGY or ABSENT;
     * {@code name} null is a vacancy.
     */
    public record Participant(String personId, String name, String title, String organisation, String role,
                              String attendance, String apologyReason, String leftEarly, boolean vacancy) {

        Participant withAttendance(String a, String reason) {
            return new Participant(personId, name, title, organisation, role, a, reason, leftEarly, vacancy);
        }

        Participant withLeftEarly(String note) {
            return new Participant(personId, name, title, organisation, role, attendance, apologyReason, note,
                    vacancy);
        }
    }

    public record Guest(String id, String name, String title, String organisation, String attendance,
                        String leftEarly) {

        Guest withAttendance(String a) {
            return new Guest(id, name, title, organisation, a, leftEarly);
        }

        Guest withLeftEarly(String note) {
            return new Guest(id, name, title, organisation, attendance, note);
        }
    }

    public record Decision(long revision, String text, Outcome outcome, String by, Instant at, boolean correction,
                           String reason) {
    }

    public record Action(String id, String description, String owner, LocalDate due, ActionStatus status) {

        Action withStatus(ActionStatus s) {
            return new Action(id, description, owner, due, s);
        }
    }

    public record BudgetRef(String fundId, String budgetId, String project, String total, String status) {
    }

    public record Item(String id, int number, String title, ItemKind kind, Visibility visibility, String timeSlot,
                       String presenter, List<String> recommendations, String caseDescription, String economy,
                       List<Attachment> attachments, List<Guest> guests, Decision decision, List<Action> actions,
                       List<BudgetRef> budgets) {

        Item withGuests(List<Guest> g) {
            return new Item(id, number, title, kind, visibility, timeSlot, presenter, recommendations,
                    caseDescription, economy, attachments, g, decision, actions, budgets);
        }

        Item withDecision(Decision d) {
            return new Item(id, number, title, kind, visibility, timeSlot, presenter, recommendations,
                    caseDescription, economy, attachments, guests, d, actions, budgets);
        }

        Item withActions(List<Action> a) {
            return new Item(id, number, title, kind, visibility, timeSlot, presenter, recommendations,
                    caseDescription, economy, attachments, guests, decision, a, budgets);
        }

        Item withBudgets(List<BudgetRef> b) {
            return new Item(id, number, title, kind, visibility, timeSlot, presenter, recommendations,
                    caseDescription, economy, attachments, guests, decision, actions, b);
        }
    }

    MinutesView withStatus(MeetingStatus s) {
        return new MinutesView(meetingId, committee, title, startsAt, endsAt, location, mode, s, approvedDigest,
                participants, items);
    }

    MinutesView withApproval(String digest) {
        return new MinutesView(meetingId, committee, title, startsAt, endsAt, location, mode,
                MeetingStatus.MINUTES_APPROVED, digest, participants, items);
    }

    MinutesView withParticipants(List<Participant> ps) {
        return new MinutesView(meetingId, committee, title, startsAt, endsAt, location, mode, status,
                approvedDigest, ps, items);
    }

    MinutesView withItems(List<Item> is) {
        return new MinutesView(meetingId, committee, title, startsAt, endsAt, location, mode, status,
                approvedDigest, participants, is);
    }

    MinutesView mapParticipant(String personId, UnaryOperator<Participant> f) {
        List<Participant> ps = new ArrayList<>();
        participants.forEach(p -> ps.add(p.personId().equals(personId) ? f.apply(p) : p));
        return withParticipants(ps);
    }

    MinutesView mapItem(String itemId, UnaryOperator<Item> f) {
        List<Item> is = new ArrayList<>();
        items.forEach(i -> is.add(i.id().equals(itemId) ? f.apply(i) : i));
        return withItems(is);
    }

    MinutesView mapGuest(String guestId, UnaryOperator<Guest> f) {
        List<Item> is = new ArrayList<>();
        for (Item i : items) {
            List<Guest> gs = new ArrayList<>();
            i.guests().forEach(g -> gs.add(g.id().equals(guestId) ? f.apply(g) : g));
            is.add(i.withGuests(gs));
        }
        return withItems(is);
    }

    boolean hasParticipant(String personId) {
        return participants.stream().anyMatch(p -> p.personId().equals(personId));
    }

    /** Whether the committee's roster still flows into these minutes (not once the meeting is over). */
    boolean open() {
        return status == MeetingStatus.PLANNED || status == MeetingStatus.IN_PROGRESS;
    }
}
