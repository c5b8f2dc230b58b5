package dk.referent.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import dk.referent.meeting.api.Attachment;
import dk.referent.meeting.api.AttendanceRecorded;
import dk.referent.meeting.api.ChangeActionStatus;
import dk.referent.meeting.api.CloseMeeting;
import dk.referent.meeting.api.DecisionConflict;
import dk.referent.meeting.api.DecisionRecorded;
import dk.referent.meeting.api.EarlyDepartureRecorded;
import dk.referent.meeting.api.EditAgendaItem;
import dk.referent.meeting.api.GuestInvited;
import dk.referent.meeting.api.InviteGuest;
import dk.referent.meeting.api.ItemKind;
import dk.referent.meeting.api.MeetingClosed;
import dk.referent.meeting.api.MeetingMode;
import dk.referent.meeting.api.MeetingScheduled;
import dk.referent.meeting.api.MeetingStarted;
import dk.referent.meeting.api.MinutesApproved;
import dk.referent.meeting.api.Outcome;
import dk.referent.meeting.api.Presence;
import dk.referent.meeting.api.RecordAttendance;
import dk.referent.meeting.api.RecordDecision;
import dk.referent.meeting.api.RecordEarlyDeparture;
import dk.referent.meeting.api.RegisterApology;
import dk.referent.meeting.api.ScheduleMeeting;
import dk.referent.meeting.api.StartMeeting;
import dk.referent.meeting.api.Visibility;
import dk.referent.meeting.api.WithdrawApology;
import dk.referent.shared.NotFound;
import dk.referent.shared.RuleViolation;

class MeetingTest {

    private static final String M = "m-1";
    private static final String C = "c-1";
    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2024-10-04T09:00:00+02:00");
    private static final OffsetDateTime ENDS = OffsetDateTime.parse("2024-10-04T12:00:00+02:00");

    private static final MeetingScheduled SCHEDULED = new MeetingScheduled(M, C, "Møde i Midtklyngens styregruppe",
            STARTS, ENDS, "Regionshuset Viborg", MeetingMode.HYBRID);
    private static final MeetingStarted STARTED = new MeetingStarted(M);
    private static final MeetingClosed CLOSED = new MeetingClosed(M);
    private static final MinutesApproved APPROVED = new MinutesApproved(M, "ab12");

    private static final AgendaItemDetails FUNDS = new AgendaItemDetails("Status på klyngemidler", ItemKind.DECISION,
            Visibility.OPEN, "10.00-10.20", "Sekretariatet", List.of("at styregruppen godkender status"),
            "Sagsfremstilling", "Ingen", List.of(new Attachment("Bilag 1", "https://example.org/bilag1.pdf")));
    private static final AgendaItemDetails ORIENTATION = new AgendaItemDetails("Orientering fra klyngen",
            ItemKind.ORIENTATION, Visibility.OPEN, null, null, null, null, null, null);
    private static final AgendaItemAdded ITEM_1 = new AgendaItemAdded(M, "i-1", 1, FUNDS);
    private static final AgendaItemAdded ITEM_2 = new AgendaItemAdded(M, "i-2", 2, ORIENTATION);

    private static final String V1 = "Styregruppen godkendte indstillingen. Projektet forlænges til 2025. "
            + "Sekretariatet følger op.";
    private static final DecisionRecorded REVISION_1 = new DecisionRecorded(M, "i-1", 1, V1, Outcome.APPROVED, null,
            null, 0, false, null, false);

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(new DecisionLog(fixture.getEventStore()));
    }

    static Matcher<Object> invalidField(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof dk.referent.shared.InvalidInput i && field.equals(i.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput on field ").appendValue(field);
            }
        };
    }

    private static DecisionRecorded revision2(String text, Outcome outcome) {
        return new DecisionRecorded(M, "i-1", 2, text, outcome, V1, Outcome.APPROVED, 1, false, null, false);
    }

    // scheduling

    @Test
    void schedulesMeeting() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(M, C, "Møde i Midtklyngens styregruppe", STARTS, ENDS,
                        "Regionshuset Viborg", MeetingMode.HYBRID))
                .expectEvents(SCHEDULED);
    }

    @Test
    void cannotScheduleMeetingWithoutTitle() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(M, C, " ", STARTS, ENDS, null, MeetingMode.VIRTUAL))
                .expectNoEvents()
                .expectException(invalidField("title"));
    }

    @Test
    void cannotScheduleMeetingEndingBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(M, C, "Møde", ENDS, STARTS, null, MeetingMode.VIRTUAL))
                .expectNoEvents()
                .expectException(invalidField("endsAt"));
    }

    @Test
    void cannotScheduleMeetingWithoutMode() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(M, C, "Møde", STARTS, ENDS, null, null))
                .expectNoEvents()
                .expectException(invalidField("mode"));
    }

    // status

    @Test
    void startsPlannedMeetingAndAnswersNewVersion() {
        fixture.given(SCHEDULED)
                .when(new StartMeeting(M))
                .expectEvents(STARTED)
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotStartMeetingTwice() {
        fixture.given(SCHEDULED, STARTED)
                .when(new StartMeeting(M))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void closesMeetingInProgress() {
        fixture.given(SCHEDULED, STARTED)
                .when(new CloseMeeting(M))
                .expectEvents(CLOSED)
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotCloseMeetingThatHasNotStarted() {
        fixture.given(SCHEDULED)
                .when(new CloseMeeting(M))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void approvesMinutesOfClosedMeeting() {
        fixture.given(SCHEDULED, STARTED, CLOSED)
                .when(new ApproveMinutes(M, "ab12"))
                .expectEvents(APPROVED)
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotApproveMinutesOfMeetingInProgress() {
        fixture.given(SCHEDULED, STARTED)
                .when(new ApproveMinutes(M, "ab12"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void cannotApproveMinutesTwice() {
        fixture.given(SCHEDULED, STARTED, CLOSED, APPROVED)
                .when(new ApproveMinutes(M, "ab12"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void cannotApproveMinutesWithoutDigest() {
        fixture.given(SCHEDULED, STARTED, CLOSED)
                .when(new ApproveMinutes(M, ""))
                .expectNoEvents()
                .expectException(invalidField("digest"));
    }

    // agenda

    @Test
    void addsAgendaItemAsNumberOne() {
        fixture.given(SCHEDULED)
                .when(new AddAgendaItem(M, "i-1", FUNDS))
                .expectEvents(ITEM_1)
                .expectResultMessagePayload(2L);
    }

    @Test
    void numbersAgendaItemsInTheOrderAdded() {
        fixture.given(SCHEDULED, ITEM_1, ITEM_2)
                .when(new AddAgendaItem(M, "i-3", ORIENTATION))
                .expectEvents(new AgendaItemAdded(M, "i-3", 3, ORIENTATION));
    }

    @Test
    void cannotAddAgendaItemWithoutTitle() {
        fixture.given(SCHEDULED)
                .when(new AddAgendaItem(M, "i-1", new AgendaItemDetails(" ", ItemKind.DECISION, Visibility.OPEN,
                        null, null, null, null, null, null)))
                .expectNoEvents()
                .expectException(invalidField("title"));
    }

    @Test
    void cannotAddAgendaItemWithoutKind() {
        fixture.given(SCHEDULED)
                .when(new AddAgendaItem(M, "i-1", new AgendaItemDetails("Punkt", null, Visibility.OPEN,
                        null, null, null, null, null, null)))
                .expectNoEvents()
                .expectException(invalidField("kind"));
    }

    @Test
    void cannotAddAgendaItemWithoutVisibility() {
        fixture.given(SCHEDULED)
                .when(new AddAgendaItem(M, "i-1", new AgendaItemDetails("Punkt", ItemKind.DECISION, null,
                        null, null, null, null, null, null)))
                .expectNoEvents()
                .expectException(invalidField("visibility"));
    }

    @Test
    void cannotAddAgendaItemIdTwice() {
        fixture.given(SCHEDULED, ITEM_1)
                .when(new AddAgendaItem(M, "i-1", ORIENTATION))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void canAddAgendaItemAfterMeetingClosed() {
        fixture.given(SCHEDULED, STARTED, CLOSED)
                .when(new AddAgendaItem(M, "i-1", FUNDS))
                .expectEvents(ITEM_1);
    }

    @Test
    void cannotAddAgendaItemAfterMinutesApproved() {
        fixture.given(SCHEDULED, STARTED, CLOSED, APPROVED)
                .when(new AddAgendaItem(M, "i-1", FUNDS))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void editsAgendaItemNamingWhatItWas() {
        AgendaItemDetails orientation = new AgendaItemDetails(FUNDS.title(), ItemKind.ORIENTATION,
                FUNDS.visibility(), FUNDS.timeSlot(), FUNDS.presenter(), FUNDS.recommendations(),
                FUNDS.caseDescription(), FUNDS.economy(), FUNDS.attachments());
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new EditAgendaItem(M, "i-1", orientation))
                .expectEvents(new AgendaItemEdited(M, "i-1", FUNDS, orientation))
                .expectResultMessagePayload(4L);
    }

    @Test
    void editThatChangesNothingIsNoEvent() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new EditAgendaItem(M, "i-1", new AgendaItemDetails(FUNDS.title(), FUNDS.kind(),
                        FUNDS.visibility(), FUNDS.timeSlot(), FUNDS.presenter(), List.copyOf(FUNDS.recommendations()),
                        FUNDS.caseDescription(), FUNDS.economy(), FUNDS.attachments())))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotEditUnknownAgendaItem() {
        fixture.given(SCHEDULED, ITEM_1)
                .when(new EditAgendaItem(M, "i-9", FUNDS))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void cannotEditAgendaItemAfterMinutesApproved() {
        fixture.given(SCHEDULED, ITEM_1, STARTED, CLOSED, APPROVED)
                .when(new EditAgendaItem(M, "i-1", ORIENTATION))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void answersCurrentAgendaItemDetails() {
        fixture.given(SCHEDULED, ITEM_1, new AgendaItemEdited(M, "i-1", FUNDS, ORIENTATION))
                .when(new StartMeeting(M))
                .expectState(meeting -> {
                    assertThat(meeting.agendaItem("i-1")).contains(ORIENTATION);
                    assertThat(meeting.agendaItemNumber("i-1")).contains(1);
                    assertThat(meeting.agendaItem("i-2")).isEmpty();
                    assertThat(meeting.committeeId()).isEqualTo(C);
                });
    }

    // guests

    @Test
    void invitesGuestForAgendaItems() {
        fixture.given(SCHEDULED, ITEM_1, ITEM_2)
                .when(new InviteGuest(M, "g-1", "Søren Ødegaard", "Projektleder", "Aarhus Kommune",
                        List.of("i-2", "i-1")))
                .expectEvents(new GuestInvited(M, "g-1", "Søren Ødegaard", "Projektleder", "Aarhus Kommune",
                        List.of("i-2", "i-1")))
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotInviteGuestForUnknownAgendaItem() {
        fixture.given(SCHEDULED, ITEM_1)
                .when(new InviteGuest(M, "g-1", "Søren Ødegaard", null, null, List.of("i-1", "i-9")))
                .expectNoEvents()
                .expectException(invalidField("itemIds"));
    }

    @Test
    void cannotInviteGuestWithoutName() {
        fixture.given(SCHEDULED, ITEM_1)
                .when(new InviteGuest(M, "g-1", "", null, null, List.of("i-1")))
                .expectNoEvents()
                .expectException(invalidField("name"));
    }

    @Test
    void cannotInviteGuestAfterMinutesApproved() {
        fixture.given(SCHEDULED, ITEM_1, STARTED, CLOSED, APPROVED)
                .when(new InviteGuest(M, "g-1", "Søren Ødegaard", null, null, List.of("i-1")))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void knowsItsGuests() {
        fixture.given(SCHEDULED, ITEM_1, new GuestInvited(M, "g-1", "Søren", null, null, List.of("i-1")))
                .when(new StartMeeting(M))
                .expectState(meeting -> {
                    assertThat(meeting.hasGuest("g-1")).isTrue();
                    assertThat(meeting.hasGuest("m-7")).isFalse();
                });
    }

    // apologies

    @Test
    void registersApologyBeforeMeeting() {
        fixture.given(SCHEDULED)
                .when(new RegisterApology(M, "p-1", "Ferie"))
                .expectEvents(new ApologyRegistered(M, "p-1", "Ferie", false))
                .expectResultMessagePayload(2L);
    }

    @Test
    void apologyDuringMeetingIsMarkedAsSuch() {
        fixture.given(SCHEDULED, STARTED)
                .when(new RegisterApology(M, "p-1", null))
                .expectEvents(new ApologyRegistered(M, "p-1", null, true));
    }

    @Test
    void cannotRegisterApologyAfterMeetingClosed() {
        fixture.given(SCHEDULED, STARTED, CLOSED)
                .when(new RegisterApology(M, "p-1", "Syg"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("Meeting already closed"));
    }

    @Test
    void cannotRegisterApologyTwice() {
        fixture.given(SCHEDULED, new ApologyRegistered(M, "p-1", "Ferie", false))
                .when(new RegisterApology(M, "p-1", "Syg"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void withdrawsApology() {
        fixture.given(SCHEDULED, new ApologyRegistered(M, "p-1", "Ferie", false))
                .when(new WithdrawApology(M, "p-1"))
                .expectEvents(new ApologyWithdrawn(M, "p-1"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotWithdrawApologyNeverRegistered() {
        fixture.given(SCHEDULED)
                .when(new WithdrawApology(M, "p-1"))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void cannotWithdrawApologyAlreadyWithdrawn() {
        fixture.given(SCHEDULED, new ApologyRegistered(M, "p-1", null, false), new ApologyWithdrawn(M, "p-1"))
                .when(new WithdrawApology(M, "p-1"))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void cannotWithdrawApologyAfterMeetingClosed() {
        fixture.given(SCHEDULED, new ApologyRegistered(M, "p-1", null, false), STARTED, CLOSED)
                .when(new WithdrawApology(M, "p-1"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void canRegisterApologyAgainAfterWithdrawingIt() {
        fixture.given(SCHEDULED, new ApologyRegistered(M, "p-1", null, false), new ApologyWithdrawn(M, "p-1"))
                .when(new RegisterApology(M, "p-1", "Alligevel forhindret"))
                .expectEvents(new ApologyRegistered(M, "p-1", "Alligevel forhindret", false));
    }

    // attendance

    @Test
    void recordsPresence() {
        fixture.given(SCHEDULED, STARTED)
                .when(new RecordAttendance(M, "p-1", Presence.IN_ROOM))
                .expectEvents(new AttendanceRecorded(M, "p-1", Presence.IN_ROOM, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void changedPresenceNamesThePreviousOne() {
        fixture.given(SCHEDULED, STARTED, new AttendanceRecorded(M, "p-1", Presence.IN_ROOM, null))
                .when(new RecordAttendance(M, "p-1", Presence.VIRTUAL))
                .expectEvents(new AttendanceRecorded(M, "p-1", Presence.VIRTUAL, Presence.IN_ROOM));
    }

    @Test
    void recordingTheSamePresenceAgainIsNoEvent() {
        fixture.given(SCHEDULED, STARTED, new AttendanceRecorded(M, "p-1", Presence.IN_ROOM, null))
                .when(new RecordAttendance(M, "p-1", Presence.IN_ROOM))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void presenceWithdrawsAnEarlierApology() {
        fixture.given(SCHEDULED, new ApologyRegistered(M, "p-1", null, false), STARTED,
                        new AttendanceRecorded(M, "p-1", Presence.VIRTUAL, null))
                .when(new WithdrawApology(M, "p-1"))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void apologyAfterPresenceMakesTheNextPresenceAChange() {
        fixture.given(SCHEDULED, STARTED, new AttendanceRecorded(M, "p-1", Presence.IN_ROOM, null),
                        new ApologyRegistered(M, "p-1", null, true))
                .when(new RecordAttendance(M, "p-1", Presence.IN_ROOM))
                .expectEvents(new AttendanceRecorded(M, "p-1", Presence.IN_ROOM, null));
    }

    @Test
    void canRecordAttendanceAfterMeetingClosed() {
        fixture.given(SCHEDULED, STARTED, CLOSED)
                .when(new RecordAttendance(M, "p-1", Presence.ABSENT))
                .expectEvents(new AttendanceRecorded(M, "p-1", Presence.ABSENT, null));
    }

    @Test
    void cannotRecordAttendanceAfterMinutesApproved() {
        fixture.given(SCHEDULED, STARTED, CLOSED, APPROVED)
                .when(new RecordAttendance(M, "p-1", Presence.IN_ROOM))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void cannotRecordAttendanceWithoutPresence() {
        fixture.given(SCHEDULED, STARTED)
                .when(new RecordAttendance(M, "p-1", null))
                .expectNoEvents()
                .expectException(invalidField("presence"));
    }

    @Test
    void recordsEarlyDeparture() {
        fixture.given(SCHEDULED, STARTED)
                .when(new RecordEarlyDeparture(M, "p-1", "Forlod mødet efter punkt 7"))
                .expectEvents(new EarlyDepartureRecorded(M, "p-1", "Forlod mødet efter punkt 7"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void recordingTheSameEarlyDepartureAgainIsNoEvent() {
        fixture.given(SCHEDULED, STARTED, new EarlyDepartureRecorded(M, "p-1", "efter punkt 7"))
                .when(new RecordEarlyDeparture(M, "p-1", "efter punkt 7"))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotLeaveMeetingThatHasNotStarted() {
        fixture.given(SCHEDULED)
                .when(new RecordEarlyDeparture(M, "p-1", "efter punkt 7"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void cannotRecordEarlyDepartureAfterMinutesApproved() {
        fixture.given(SCHEDULED, STARTED, CLOSED, APPROVED)
                .when(new RecordEarlyDeparture(M, "p-1", "efter punkt 7"))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    // decisions

    @Test
    void recordsFirstDecisionAsRevisionOne() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new RecordDecision(M, "i-1", V1, Outcome.APPROVED, 0, null))
                .expectEvents(REVISION_1)
                .expectResultMessagePayload(4L);
    }

    @Test
    void recordsRevisionBasedOnTheCurrentOne() {
        String v2 = V1.replace("2025", "2026");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1)
                .when(new RecordDecision(M, "i-1", v2, Outcome.APPROVED_WITH_REMARKS, 1, "  "))
                .expectEvents(revision2(v2, Outcome.APPROVED_WITH_REMARKS))
                .expectResultMessagePayload(5L);
    }

    @Test
    void keepsReasonGivenBeforeApproval() {
        String v2 = V1.replace("2025", "2026");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1)
                .when(new RecordDecision(M, "i-1", v2, Outcome.APPROVED, 1, "Rettet årstal"))
                .expectEvents(new DecisionRecorded(M, "i-1", 2, v2, Outcome.APPROVED, V1, Outcome.APPROVED, 1,
                        false, "Rettet årstal", false));
    }

    @Test
    void recordingTheCurrentDecisionAgainIsNoEvent() {
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1)
                .when(new RecordDecision(M, "i-1", V1, Outcome.APPROVED, 1, null))
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void changingOnlyTheOutcomeIsARevision() {
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1)
                .when(new RecordDecision(M, "i-1", V1, Outcome.POSTPONED, 1, null))
                .expectEvents(revision2(V1, Outcome.POSTPONED));
    }

    @Test
    void canRecordDecisionBeforeMeetingStarts() {
        fixture.given(SCHEDULED, ITEM_1)
                .when(new RecordDecision(M, "i-1", V1, Outcome.APPROVED, 0, null))
                .expectEvents(REVISION_1);
    }

    @Test
    void cannotRecordDecisionForUnknownItem() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new RecordDecision(M, "i-9", V1, Outcome.APPROVED, 0, null))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void cannotRecordDecisionWithoutText() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new RecordDecision(M, "i-1", " \n", Outcome.APPROVED, 0, null))
                .expectNoEvents()
                .expectException(invalidField("text"));
    }

    @Test
    void cannotRecordDecisionWithoutOutcome() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new RecordDecision(M, "i-1", V1, null, 0, null))
                .expectNoEvents()
                .expectException(invalidField("outcome"));
    }

    @Test
    void refusesBaseRevisionAheadOfTheCurrentOne() {
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1)
                .when(new RecordDecision(M, "i-1", V1, Outcome.APPROVED, 2, null))
                .expectNoEvents()
                .expectException(invalidField("baseRevision"));
    }

    @Test
    void refusesNegativeBaseRevision() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new RecordDecision(M, "i-1", V1, Outcome.APPROVED, -1, null))
                .expectNoEvents()
                .expectException(invalidField("baseRevision"));
    }

    @Test
    void mergesNonOverlappingDecisionEdits() {
        // the co-secretary saved revision 2 (last sentence) while the secretary edited the first sentence of 1
        String theirs = V1.replace("Sekretariatet følger op.", "Sekretariatet følger op i juni.");
        String mine = V1.replace("godkendte indstillingen", "godkendte indstillingen med bemærkninger");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, revision2(theirs, Outcome.APPROVED))
                .when(new RecordDecision(M, "i-1", mine, Outcome.APPROVED, 1, null))
                .expectEvents(new DecisionRecorded(M, "i-1", 3,
                        "Styregruppen godkendte indstillingen med bemærkninger. Projektet forlænges til 2025. "
                                + "Sekretariatet følger op i juni.",
                        Outcome.APPROVED, theirs, Outcome.APPROVED, 1, true, null, false))
                .expectResultMessagePayload(6L);
    }

    @Test
    void mergedRevisionTakesTheAuthorsOutcomeWhenTheyChangedIt() {
        String theirs = V1.replace("Sekretariatet følger op.", "Sekretariatet følger op i juni.");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, revision2(theirs, Outcome.APPROVED))
                .when(new RecordDecision(M, "i-1", V1, Outcome.APPROVED_WITH_REMARKS, 1, null))
                .expectEvents(new DecisionRecorded(M, "i-1", 3, theirs, Outcome.APPROVED_WITH_REMARKS, theirs,
                        Outcome.APPROVED, 1, true, null, false));
    }

    @Test
    void mergedRevisionKeepsTheCurrentOutcomeWhenTheAuthorLeftItAlone() {
        String mine = V1.replace("Sekretariatet følger op.", "Sekretariatet følger op i juni.");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, revision2(V1, Outcome.REJECTED))
                .when(new RecordDecision(M, "i-1", mine, Outcome.APPROVED, 1, null))
                .expectEvents(new DecisionRecorded(M, "i-1", 3, mine, Outcome.REJECTED, V1, Outcome.REJECTED, 1,
                        true, null, false));
    }

    @Test
    void refusesOverlappingDecisionEditWithCurrentText() {
        String theirs = V1.replace("forlænges til 2025", "forlænges til 2026");
        String mine = V1.replace("forlænges til 2025", "afsluttes i 2025");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, revision2(theirs, Outcome.APPROVED_WITH_REMARKS))
                .when(new RecordDecision(M, "i-1", mine, Outcome.APPROVED, 1, null))
                .expectNoEvents()
                .expectException(new TypeSafeMatcher<DecisionConflict>() {
                    @Override
                    protected boolean matchesSafely(DecisionConflict c) {
                        return c.currentRevision() == 2 && c.currentText().equals(theirs)
                                && c.currentOutcome() == Outcome.APPROVED_WITH_REMARKS;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("a DecisionConflict with revision 2 and its text and outcome");
                    }
                });
    }

    @Test
    void refusesTwoDifferentFirstDecisions() {
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1)
                .when(new RecordDecision(M, "i-1", "Taget til efterretning.", Outcome.NOTED, 0, null))
                .expectNoEvents()
                .expectException(DecisionConflict.class);
    }

    @Test
    void staleEditIdenticalToTheCurrentDecisionIsNoEvent() {
        String v2 = V1.replace("2025", "2026");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, revision2(v2, Outcome.APPROVED))
                .when(new RecordDecision(M, "i-1", v2, Outcome.APPROVED, 1, null))
                .expectNoEvents()
                .expectResultMessagePayload(5L);
    }

    @Test
    void findsTheRevisionADecisionHadAtEachVersion() {
        Meeting meeting = new Meeting();
        meeting.on(SCHEDULED);
        meeting.on(ITEM_1);
        meeting.on(ITEM_2);
        meeting.on(REVISION_1, 3); // version 4
        meeting.on(revision2("Udsat.", Outcome.POSTPONED), 5); // version 6
        meeting.on(new DecisionRecorded(M, "i-1", 3, "Godkendt.", Outcome.APPROVED, "Udsat.", Outcome.POSTPONED, 2,
                false, null, false), 9); // version 10
        long[] expected = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3};
        for (int version = 0; version < expected.length; version++) {
            assertThat(meeting.decisionRevisionAt("i-1", version)).as("at version %d", version)
                    .isEqualTo(expected[version]);
        }
        assertThat(meeting.decisionRevisionAt("i-1", Long.MAX_VALUE)).isEqualTo(3);
        assertThat(meeting.decisionRevisionAt("i-2", 10)).isZero();
        assertThat(meeting.decisionRevisionAt("i-9", 10)).isZero();
    }

    @Test
    void mergesAgainstARevisionWhoseTextIsOnlyInTheLog() {
        List<Object> given = new java.util.ArrayList<>(List.of(SCHEDULED, ITEM_1, STARTED, REVISION_1));
        String previous = V1;
        int revisions = Meeting.TEXTS_KEPT + 10;
        for (int n = 2; n <= revisions; n++) {
            String text = V1.replace("følger op.", "følger op (" + n + ").");
            given.add(new DecisionRecorded(M, "i-1", n, text, Outcome.APPROVED, previous, Outcome.APPROVED, n - 1,
                    false, null, false));
            previous = text;
        }
        String latest = previous;
        // the secretary's screen still showed revision 1: only its text tells what she changed
        fixture.given(given)
                .when(new RecordDecision(M, "i-1", V1.replace("2025", "2026"), Outcome.APPROVED, 1, null))
                .expectEvents(new DecisionRecorded(M, "i-1", revisions + 1, latest.replace("2025", "2026"),
                        Outcome.APPROVED, latest, Outcome.APPROVED, 1, true, null, false));
    }

    @Test
    void mergesAgainstAnyEarlierRevision() {
        String v2 = V1.replace("Styregruppen", "Klyngestyregruppen");
        String v3 = v2.replace("Sekretariatet følger op.", "Sekretariatet følger op i juni.");
        DecisionRecorded revision3 = new DecisionRecorded(M, "i-1", 3, v3, Outcome.APPROVED, v2, Outcome.APPROVED, 2,
                false, null, false);
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, revision2(v2, Outcome.APPROVED), revision3)
                .when(new RecordDecision(M, "i-1", V1.replace("2025", "2026"), Outcome.APPROVED, 1, null))
                .expectEvents(new DecisionRecorded(M, "i-1", 4, v3.replace("2025", "2026"), Outcome.APPROVED, v3,
                        Outcome.APPROVED, 1, true, null, false));
    }

    @Test
    void decisionsOfDifferentItemsAreRevisedIndependently() {
        fixture.given(SCHEDULED, ITEM_1, ITEM_2, STARTED, REVISION_1)
                .when(new RecordDecision(M, "i-2", "Taget til efterretning.", Outcome.NOTED, 0, null))
                .expectEvents(new DecisionRecorded(M, "i-2", 1, "Taget til efterretning.", Outcome.NOTED, null, null,
                        0, false, null, false));
    }

    @Test
    void canReviseDecisionAfterMeetingClosedWithoutReason() {
        String v2 = V1.replace("2025", "2026");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, CLOSED)
                .when(new RecordDecision(M, "i-1", v2, Outcome.APPROVED, 1, null))
                .expectEvents(revision2(v2, Outcome.APPROVED));
    }

    @Test
    void correctionAfterApprovalNeedsReason() {
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, CLOSED, APPROVED)
                .when(new RecordDecision(M, "i-1", V1.replace("2025", "2026"), Outcome.APPROVED, 1, " "))
                .expectNoEvents()
                .expectException(invalidField("reason"));
    }

    @Test
    void correctionAfterApprovalIsRecordedAsCorrection() {
        String v2 = V1.replace("2025", "2026");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, CLOSED, APPROVED)
                .when(new RecordDecision(M, "i-1", v2, Outcome.APPROVED, 1, "Årstallet var forkert i referatet"))
                .expectEvents(new DecisionRecorded(M, "i-1", 2, v2, Outcome.APPROVED, V1, Outcome.APPROVED, 1, false,
                        "Årstallet var forkert i referatet", true))
                .expectResultMessagePayload(7L);
    }

    @Test
    void answersWhichRevisionAVersionBrought() {
        String v2 = V1.replace("2025", "2026");
        fixture.given(SCHEDULED, ITEM_1, STARTED, REVISION_1, revision2(v2, Outcome.APPROVED))
                .when(new CloseMeeting(M))
                .expectState(meeting -> {
                    assertThat(meeting.decisionRevisionAt("i-1", 3)).isZero();
                    assertThat(meeting.decisionRevisionAt("i-1", 4)).isEqualTo(1);
                    assertThat(meeting.decisionRevisionAt("i-1", 5)).isEqualTo(2);
                    assertThat(meeting.decisionRevisionAt("i-1", 6)).isEqualTo(2);
                });
    }

    // actions

    @Test
    void addsActionItem() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new AddActionItem(M, "i-1", "a-1", "Udarbejde projektbeskrivelse", "Sekretariatet",
                        LocalDate.of(2024, 12, 1)))
                .expectEvents(new ActionItemAdded(M, "i-1", "a-1", "Udarbejde projektbeskrivelse", "Sekretariatet",
                        LocalDate.of(2024, 12, 1)))
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotAddActionToUnknownItem() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new AddActionItem(M, "i-9", "a-1", "Opfølgning", "Sekretariatet", null))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void cannotAddActionWithoutDescription() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new AddActionItem(M, "i-1", "a-1", " ", "Sekretariatet", null))
                .expectNoEvents()
                .expectException(invalidField("description"));
    }

    @Test
    void cannotAddActionWithoutOwner() {
        fixture.given(SCHEDULED, ITEM_1, STARTED)
                .when(new AddActionItem(M, "i-1", "a-1", "Opfølgning", null, null))
                .expectNoEvents()
                .expectException(invalidField("owner"));
    }

    @Test
    void cannotAddActionAfterMinutesApproved() {
        fixture.given(SCHEDULED, ITEM_1, STARTED, CLOSED, APPROVED)
                .when(new AddActionItem(M, "i-1", "a-1", "Opfølgning", "Sekretariatet", null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void changesActionStatusNamingThePreviousOne() {
        fixture.given(SCHEDULED, ITEM_1, new ActionItemAdded(M, "i-1", "a-1", "Opfølgning", "Sekretariatet", null))
                .when(new ChangeActionStatus(M, "a-1", ActionStatus.DONE))
                .expectEvents(new ActionStatusChanged(M, "i-1", "a-1", ActionStatus.DONE, ActionStatus.OPEN))
                .expectResultMessagePayload(4L);
    }

    @Test
    void changingActionToItsCurrentStatusIsNoEvent() {
        fixture.given(SCHEDULED, ITEM_1, new ActionItemAdded(M, "i-1", "a-1", "Opfølgning", "Sekretariatet", null))
                .when(new ChangeActionStatus(M, "a-1", ActionStatus.OPEN))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void canChangeActionStatusAfterMinutesApproved() {
        fixture.given(SCHEDULED, ITEM_1, new ActionItemAdded(M, "i-1", "a-1", "Opfølgning", "Sekretariatet", null),
                        STARTED, CLOSED, APPROVED)
                .when(new ChangeActionStatus(M, "a-1", ActionStatus.IN_PROGRESS))
                .expectEvents(new ActionStatusChanged(M, "i-1", "a-1", ActionStatus.IN_PROGRESS, ActionStatus.OPEN));
    }

    @Test
    void cannotChangeStatusOfUnknownAction() {
        fixture.given(SCHEDULED, ITEM_1)
                .when(new ChangeActionStatus(M, "a-9", ActionStatus.DONE))
                .expectNoEvents()
                .expectException(NotFound.class);
    }
}
