package dk.referent.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import dk.referent.meeting.api.ActionItemAdded;
import dk.referent.meeting.api.ActionStatus;
import dk.referent.meeting.api.ActionStatusChanged;
import dk.referent.meeting.api.AddActionItem;
import dk.referent.meeting.api.AddAgendaItem;
import dk.referent.meeting.api.AgendaItemAdded;
import dk.referent.meeting.api.AgendaItemDetails;
import dk.referent.meeting.api.AgendaItemEdited;
import dk.referent.meeting.api.ApologyRegistered;
import dk.referent.meeting.api.ApologyWithdrawn;
import dk.referent.meeting.api.ApproveMinutes;
import dk.referent.meeting.api.AttendanceRecorded;
import dk.referent.meeting.api.ChangeActionStatus;
import dk.referent.meeting.api.CloseMeeting;
import dk.referent.meeting.api.DecisionConflict;
import dk.referent.meeting.api.DecisionRecorded;
import dk.referent.meeting.api.EarlyDepartureRecorded;
import dk.referent.meeting.api.EditAgendaItem;
import dk.referent.meeting.api.GuestInvited;
import dk.referent.meeting.api.InviteGuest;
import dk.referent.meeting.api.MeetingClosed;
import dk.referent.meeting.api.MeetingScheduled;
import dk.referent.meeting.api.MeetingStarted;
import dk.referent.meeting.api.MeetingStatus;
import dk.referent.meeting.api.MinutesApproved;
import dk.referent.meeting.api.Outcome;
import dk.referent.meeting.api.Presence;
import dk.referent.meeting.api.RecordAttendance;
import dk.referent.meeting.api.RecordDecision;
import dk.referent.meeting.api.RecordEarlyDeparture;
import dk.referent.meeting.api.RegisterApology;
import dk.referent.meeting.api.ScheduleMeeting;
import dk.referent.meeting.api.StartMeeting;
import dk.referent.meeting.api.WithdrawApology;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.NotFound;
import dk.referent.shared.RuleViolation;

/**
 * A meeting: its agenda, who came, what was decided and what is to be done. Status runs PLANNED → IN_PROGRESS →
 * CLOSED → MINUTES_APPROVED; approval locks the record, after which a decision changes only as a reasoned
 * correction.
 * <p>
 * Command handlers check the rules and apply; event sourcing handlers only assign. Every handler except creation
 * answers the aggregate's version after the command (the number of events in its stream), also when the command
 * changed nothing.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
class Meeting {

    @AggregateIdentifier
    private String meetingId;
    private String committeeId;
    private MeetingStatus status;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Set<String>> guests = new HashMap<>();
    private final Set<String> apologies = new HashSet<>();
    private final Map<String, Presence> presence = new HashMap<>();
    private final Map<String, String> departures = new HashMap<>();
    private final Map<String, Action> actions = new HashMap<>();

    /**
     * How many of a decision's latest revisions keep their text here. An edit made on an older revision reads that
     * revision's text from the log ({@link DecisionLog}). A decision typed live gets thousands of revisions, and
     * every text kept is in memory for as long as the meeting is cached and in every snapshot (one per 100 events):
     * with all texts kept, a snapshot of a meeting with 2,000 saves of one decision held them all (~0.5 MB).
     */
    static final int TEXTS_KEPT = 50;

    /**
     * An agenda item as the rules need it; revision n of its decision is at index n - 1. The revisions grow in
     * place: copying them all for each new one made every edit cost in proportion to the decision's history (all
     * access is under the aggregate's lock). Only the last {@link #TEXTS_KEPT} have their text.
     */
    private record Item(int number, AgendaItemDetails details, List<Revision> revisions) {

        Item {
            if (!(revisions instanceof ArrayList)) {
                revisions = new ArrayList<>(revisions); // e.g. from a snapshot
            }
            dropOldTexts(revisions); // all of them in a snapshot taken before texts were dropped
        }

        Item(int number, AgendaItemDetails details) {
            this(number, details, new ArrayList<>());
        }

        Item withDetails(AgendaItemDetails newDetails) {
            return new Item(number, newDetails, revisions);
        }

        Item withRevision(Revision revision) {
            revisions.add(revision);
            dropOldTexts(revisions);
            return this;
        }

        /** Drops the texts older than the last {@link #TEXTS_KEPT}, newest first, until one is already gone. */
        private static void dropOldTexts(List<Revision> revisions) {
            for (int i = revisions.size() - 1 - TEXTS_KEPT; i >= 0 && revisions.get(i).text() != null; i--) {
                revisions.set(i, revisions.get(i).withoutText());
            }
        }

        long revision() {
            return revisions.size();
        }

        Revision latest() {
            return revisions.isEmpty() ? Revision.NONE : revisions.get(revisions.size() - 1);
        }

        Revision at(long revision) {
            return revision == 0 ? Revision.NONE : revisions.get((int) revision - 1);
        }

        /** How many revisions there were at this aggregate version: their versions rise, so a binary search. */
        long revisionAt(long version) {
            int low = 0;
            int high = revisions.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (revisions.get(middle).version() <= version) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /**
     * One revision of a decision, and the aggregate version its event brought; the text is null once it is older
     * than the last {@link #TEXTS_KEPT} (it is in that event).
     */
    private record Revision(String text, Outcome outcome, long version) {
        static final Revision NONE = new Revision("", null, 0);

        Revision withoutText() {
            return text == null ? this : new Revision(null, outcome, version);
        }
    }

    private record Action(String itemId, ActionStatus status) {
    }

    Meeting() {
        // for Axon
    }

    @CommandHandler
    Meeting(ScheduleMeeting command) {
        requireText(command.meetingId(), "meetingId");
        requireText(command.committeeId(), "committeeId");
        requireText(command.title(), "title");
        if (command.startsAt() == null) {
            throw new InvalidInput("startsAt", "is required");
        }
        if (command.endsAt() != null && command.endsAt().isBefore(command.startsAt())) {
            throw new InvalidInput("endsAt", "must not be before startsAt");
        }
        if (command.mode() == null) {
            throw new InvalidInput("mode", "is required");
        }
        apply(new MeetingScheduled(command.meetingId(), command.committeeId(), command.title(), command.startsAt(),
                command.endsAt(), command.location(), command.mode()));
    }

    // status

    @CommandHandler
    Long handle(StartMeeting command) {
        if (status != MeetingStatus.PLANNED) {
            throw new RuleViolation("Only a planned meeting can start; this one is " + status);
        }
        apply(new MeetingStarted(meetingId));
        return version();
    }

    @CommandHandler
    Long handle(CloseMeeting command) {
        if (status != MeetingStatus.IN_PROGRESS) {
            throw new RuleViolation("Only a meeting in progress can close; this one is " + status);
        }
        apply(new MeetingClosed(meetingId));
        return version();
    }

    @CommandHandler
    Long handle(ApproveMinutes command) {
        requireText(command.digest(), "digest");
        if (status != MeetingStatus.CLOSED) {
            throw new RuleViolation("Only the minutes of a closed meeting can be approved; this one is " + status);
        }
        apply(new MinutesApproved(meetingId, command.digest()));
        return version();
    }

    // agenda

    @CommandHandler
    Long handle(AddAgendaItem command) {
        requireText(command.itemId(), "itemId");
        requireValid(command.details());
        requireNotApproved();
        if (items.containsKey(command.itemId())) {
            throw new RuleViolation("The meeting already has an agenda item with id " + command.itemId());
        }
        apply(new AgendaItemAdded(meetingId, command.itemId(), items.size() + 1, command.details()));
        return version();
    }

    @CommandHandler
    Long handle(EditAgendaItem command) {
        Item item = item(command.itemId());
        requireValid(command.details());
        requireNotApproved();
        if (item.details().equals(command.details())) {
            return version();
        }
        apply(new AgendaItemEdited(meetingId, command.itemId(), item.details(), command.details()));
        return version();
    }

    @CommandHandler
    Long handle(InviteGuest command) {
        requireText(command.guestId(), "guestId");
        requireText(command.name(), "name");
        List<String> itemIds = command.itemIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(command.itemIds()));
        for (String itemId : itemIds) {
            if (!items.containsKey(itemId)) {
                throw new InvalidInput("itemIds", "the meeting has no agenda item " + itemId);
            }
        }
        requireNotApproved();
        if (guests.containsKey(command.guestId())) {
            throw new RuleViolation("The meeting already has a guest with id " + command.guestId());
        }
        apply(new GuestInvited(meetingId, command.guestId(), command.name(), command.title(), command.organisation(),
                itemIds));
        return version();
    }

    // attendance

    @CommandHandler
    Long handle(RegisterApology command) {
        requireText(command.memberId(), "memberId");
        requireNotClosed();
        if (apologies.contains(command.memberId())) {
            throw new RuleViolation("An apology from " + command.memberId() + " is already registered");
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason();
        apply(new ApologyRegistered(meetingId, command.memberId(), reason, status == MeetingStatus.IN_PROGRESS));
        return version();
    }

    @CommandHandler
    Long handle(WithdrawApology command) {
        requireNotClosed();
        if (!apologies.contains(command.memberId())) {
            throw new NotFound("No apology from " + command.memberId() + " is registered");
        }
        apply(new ApologyWithdrawn(meetingId, command.memberId()));
        return version();
    }

    @CommandHandler
    Long handle(RecordAttendance command) {
        requireText(command.personId(), "personId");
        if (command.presence() == null) {
            throw new InvalidInput("presence", "is required");
        }
        requireNotApproved();
        Presence previous = presence.get(command.personId());
        if (previous == command.presence()) {
            return version();
        }
        apply(new AttendanceRecorded(meetingId, command.personId(), command.presence(), previous));
        return version();
    }

    @CommandHandler
    Long handle(RecordEarlyDeparture command) {
        requireText(command.personId(), "personId");
        requireNotApproved();
        if (status == MeetingStatus.PLANNED) {
            throw new RuleViolation("Nobody can leave a meeting that has not started");
        }
        String note = command.note() == null || command.note().isBlank() ? null : command.note();
        if (departures.containsKey(command.personId()) && Objects.equals(departures.get(command.personId()), note)) {
            return version();
        }
        apply(new EarlyDepartureRecorded(meetingId, command.personId(), note));
        return version();
    }

    // decisions

    @CommandHandler
    Long handle(RecordDecision command, DecisionLog log) {
        Item item = item(command.itemId());
        requireText(command.text(), "text");
        if (command.outcome() == null) {
            throw new InvalidInput("outcome", "is required");
        }
        long current = item.revision();
        if (command.baseRevision() < 0 || command.baseRevision() > current) {
            throw new InvalidInput("baseRevision", "must be between 0 and the current revision " + current);
        }
        boolean correction = status == MeetingStatus.MINUTES_APPROVED;
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason();
        if (correction && reason == null) {
            throw new InvalidInput("reason", "a change to approved minutes needs a reason");
        }

        Revision latest = item.latest();
        String text = command.text();
        Outcome outcome = command.outcome();
        boolean merged = command.baseRevision() < current;
        if (merged) {
            Revision base = item.at(command.baseRevision());
            String baseText = base.text() != null ? base.text()
                    : log.text(meetingId, command.itemId(), command.baseRevision(), base.version());
            text = TextMerge.merge(baseText, command.text(), latest.text())
                    .orElseThrow(() -> new DecisionConflict(command.baseRevision(), current, latest.text(),
                            latest.outcome()));
            outcome = command.outcome() != base.outcome() ? command.outcome() : latest.outcome();
        }
        if (current > 0 && text.equals(latest.text()) && outcome == latest.outcome()) {
            return version(); // the decision already says this (a repeated save, an edit made twice)
        }
        apply(new DecisionRecorded(meetingId, command.itemId(), current + 1, text, outcome,
                current == 0 ? null : latest.text(), latest.outcome(), command.baseRevision(), merged, reason,
                correction));
        return version();
    }

    // actions

    @CommandHandler
    Long handle(AddActionItem command) {
        item(command.itemId());
        requireText(command.actionId(), "actionId");
        requireText(command.description(), "description");
        requireText(command.owner(), "owner");
        requireNotApproved();
        if (actions.containsKey(command.actionId())) {
            throw new RuleViolation("The meeting already has an action with id " + command.actionId());
        }
        apply(new ActionItemAdded(meetingId, command.itemId(), command.actionId(), command.description(),
                command.owner(), command.due()));
        return version();
    }

    @CommandHandler
    Long handle(ChangeActionStatus command) {
        Action action = actions.get(command.actionId());
        if (action == null) {
            throw new NotFound("The meeting has no action " + command.actionId());
        }
        if (command.status() == null) {
            throw new InvalidInput("status", "is required");
        }
        if (action.status() == command.status()) {
            return version();
        }
        apply(new ActionStatusChanged(meetingId, action.itemId(), command.actionId(), command.status(),
                action.status()));
        return version();
    }

    // rules used by several handlers

    private Item item(String itemId) {
        Item item = itemId == null ? null : items.get(itemId);
        if (item == null) {
            throw new NotFound("The meeting has no agenda item " + itemId);
        }
        return item;
    }

    private void requireNotApproved() {
        if (status == MeetingStatus.MINUTES_APPROVED) {
            throw new RuleViolation("The minutes of this meeting are approved; the record is locked");
        }
    }

    private void requireNotClosed() {
        if (status != MeetingStatus.PLANNED && status != MeetingStatus.IN_PROGRESS) {
            throw new RuleViolation(
                    "Meeting already closed: apologies are registered and withdrawn before or during it");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "must not be blank");
        }
    }

    private static void requireValid(AgendaItemDetails details) {
        if (details == null) {
            throw new InvalidInput("details", "is required");
        }
        requireText(details.title(), "title");
        if (details.kind() == null) {
            throw new InvalidInput("kind", "is required");
        }
        if (details.visibility() == null) {
            throw new InvalidInput("visibility", "is required");
        }
    }

    /** The number of events in the stream: the last sequence number (0-based) plus one. */
    private static Long version() {
        Long last = AggregateLifecycle.getVersion();
        return last == null ? 0L : last + 1;
    }

    // state

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        meetingId = event.meetingId();
        committeeId = event.committeeId();
        status = MeetingStatus.PLANNED;
    }

    @EventSourcingHandler
    void on(MeetingStarted event) {
        status = MeetingStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(MeetingClosed event) {
        status = MeetingStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(MinutesApproved event) {
        status = MeetingStatus.MINUTES_APPROVED;
    }

    @EventSourcingHandler
    void on(AgendaItemAdded event) {
        items.put(event.itemId(), new Item(event.number(), event.details()));
    }

    @EventSourcingHandler
    void on(AgendaItemEdited event) {
        items.computeIfPresent(event.itemId(), (id, item) -> item.withDetails(event.details()));
    }

    @EventSourcingHandler
    void on(GuestInvited event) {
        guests.put(event.guestId(), Set.copyOf(event.itemIds()));
    }

    @EventSourcingHandler
    void on(ApologyRegistered event) {
        apologies.add(event.memberId());
        presence.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(ApologyWithdrawn event) {
        apologies.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        presence.put(event.personId(), event.presence());
        if (event.presence() != Presence.ABSENT) {
            apologies.remove(event.personId());
        }
    }

    @EventSourcingHandler
    void on(EarlyDepartureRecorded event) {
        departures.put(event.personId(), event.note());
    }

    @EventSourcingHandler
    void on(DecisionRecorded event, @SequenceNumber long sequenceNumber) {
        items.computeIfPresent(event.itemId(),
                (id, item) -> item.withRevision(new Revision(event.text(), event.outcome(), sequenceNumber + 1)));
    }

    @EventSourcingHandler
    void on(ActionItemAdded event) {
        actions.put(event.actionId(), new Action(event.itemId(), ActionStatus.OPEN));
    }

    @EventSourcingHandler
    void on(ActionStatusChanged event) {
        actions.put(event.actionId(), new Action(event.itemId(), event.status()));
    }

    // read-only questions, for code outside commands (through Repository<Meeting>)

    String committeeId() {
        return committeeId;
    }

    MeetingStatus status() {
        return status;
    }

    Optional<AgendaItemDetails> agendaItem(String itemId) {
        Item item = items.get(itemId);
        return item == null ? Optional.empty() : Optional.of(item.details());
    }

    Optional<Integer> agendaItemNumber(String itemId) {
        Item item = items.get(itemId);
        return item == null ? Optional.empty() : Optional.of(item.number());
    }

    boolean hasGuest(String personId) {
        return guests.containsKey(personId);
    }

    /**
     * The revision of an item's decision as it stood at aggregate version {@code version}: tells the sender of a
     * RecordDecision which revision its command produced (or found in place), whatever came after.
     */
    long decisionRevisionAt(String itemId, long version) {
        Item item = items.get(itemId);
        return item == null ? 0 : item.revisionAt(version);
    }
}
