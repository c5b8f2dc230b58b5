package dk.referent.meeting;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.modelling.command.Repository;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dk.referent.committee.api.Committees;
import dk.referent.meeting.api.ActionStatus;
import dk.referent.meeting.api.AddActionItem;
import dk.referent.meeting.api.AddAgendaItem;
import dk.referent.meeting.api.AgendaItemDetails;
import dk.referent.meeting.api.Attachment;
import dk.referent.meeting.api.ChangeActionStatus;
import dk.referent.meeting.api.CloseMeeting;
import dk.referent.meeting.api.EditAgendaItem;
import dk.referent.meeting.api.InviteGuest;
import dk.referent.meeting.api.ItemKind;
import dk.referent.meeting.api.MeetingMode;
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
import dk.referent.security.Access;
import dk.referent.shared.Aggregates;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.NotFound;
import dk.referent.web.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Meeting commands over HTTP: request record → command → {@code {id}} (201) or {@code {id, version}} (200), where
 * {@code version} is the meeting's version after the command. Reads (minutes, attendance) live in their own
 * features; minutes approval too.
 */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private static final int TITLE = 500;
    private static final int TEXT = 100_000;
    private static final int URL = 2_000;
    private static final int ENTRIES = 200;

    private final Commands commands;
    private final Repository<Meeting> meetings;
    private final Committees committees;
    private final Access access;

    MeetingController(Commands commands, Repository<Meeting> meetings, Committees committees, Access access) {
        this.commands = commands;
        this.meetings = meetings;
        this.committees = committees;
        this.access = access;
    }

    // request and response bodies

    record ScheduleMeetingRequest(@NotBlank @Size(max = TITLE) String committeeId,
                                  @NotBlank @Size(max = TITLE) String title,
                                  @NotNull OffsetDateTime startsAt, OffsetDateTime endsAt,
                                  @Size(max = TITLE) String location, @NotNull MeetingMode mode) {
    }

    record AttachmentBody(@NotBlank @Size(max = TITLE) String title, @NotBlank @Size(max = URL) String url) {

        Attachment toAttachment() {
            return new Attachment(title, url);
        }
    }

    record AgendaItemRequest(@NotBlank @Size(max = TITLE) String title, @NotNull ItemKind kind,
                             @NotNull Visibility visibility, @Size(max = TITLE) String timeSlot,
                             @Size(max = TITLE) String presenter,
                             @Size(max = ENTRIES) List<@NotNull @Size(max = TEXT) String> recommendations,
                             @Size(max = TEXT) String caseDescription, @Size(max = TEXT) String economy,
                             @Size(max = ENTRIES) List<@NotNull @Valid AttachmentBody> attachments) {

        AgendaItemDetails toDetails() {
            return new AgendaItemDetails(title, kind, visibility, optional(timeSlot), optional(presenter),
                    recommendations, optional(caseDescription), optional(economy), toAttachments(attachments));
        }
    }

    /** Fields absent or null are left as they are; a blank optional text clears it, an empty list empties it. */
    record AgendaItemPatch(@Size(min = 1, max = TITLE) String title, ItemKind kind, Visibility visibility,
                           @Size(max = TITLE) String timeSlot, @Size(max = TITLE) String presenter,
                           @Size(max = ENTRIES) List<@NotNull @Size(max = TEXT) String> recommendations,
                           @Size(max = TEXT) String caseDescription, @Size(max = TEXT) String economy,
                           @Size(max = ENTRIES) List<@NotNull @Valid AttachmentBody> attachments) {

        AgendaItemDetails applyTo(AgendaItemDetails current) {
            return new AgendaItemDetails(
                    title != null ? title : current.title(),
                    kind != null ? kind : current.kind(),
                    visibility != null ? visibility : current.visibility(),
                    timeSlot != null ? optional(timeSlot) : current.timeSlot(),
                    presenter != null ? optional(presenter) : current.presenter(),
                    recommendations != null ? recommendations : current.recommendations(),
                    caseDescription != null ? optional(caseDescription) : current.caseDescription(),
                    economy != null ? optional(economy) : current.economy(),
                    attachments != null ? toAttachments(attachments) : current.attachments());
        }
    }

    record InviteGuestRequest(@NotBlank @Size(max = TITLE) String name, @Size(max = TITLE) String title,
                              @Size(max = TITLE) String organisation,
                              @Size(max = ENTRIES) List<@NotBlank @Size(max = TITLE) String> itemIds) {
    }

    record ApologyRequest(@NotBlank @Size(max = TITLE) String memberId, @Size(max = TEXT) String reason) {
    }

    record AttendanceRequest(@NotNull Presence presence) {
    }

    record DepartureRequest(@NotBlank @Size(max = TITLE) String personId, @Size(max = TEXT) String note) {
    }

    record DecisionRequest(@NotBlank @Size(max = TEXT) String text, @NotNull Outcome outcome,
                           @NotNull @PositiveOrZero Long baseRevision, @Size(max = TEXT) String reason) {
    }

    record ActionRequest(@NotBlank @Size(max = TEXT) String description, @NotBlank @Size(max = TITLE) String owner,
                         LocalDate due) {
    }

    record ActionStatusRequest(@NotNull ActionStatus status) {
    }

    record Created(String id) {
    }

    record CreatedItem(String id, int number) {
    }

    record Changed(String id, long version) {
    }

    record DecisionRecordedAnswer(String id, long revision, long version) {
    }

    // the meeting

    @PostMapping
    ResponseEntity<Created> schedule(@Valid @RequestBody ScheduleMeetingRequest body) {
        committees.requireExists(body.committeeId());
        access.requireEdit(body.committeeId());
        String id = UUID.randomUUID().toString();
        commands.send(new ScheduleMeeting(id, body.committeeId(), body.title(), body.startsAt(), body.endsAt(),
                optional(body.location()), body.mode()));
        return ResponseEntity.created(location("/api/meetings/{mid}", id)).body(new Created(id));
    }

    @PostMapping("/{mid}/start")
    Changed start(@PathVariable String mid) {
        edit(mid);
        return changed(mid, commands.send(new StartMeeting(mid)));
    }

    @PostMapping("/{mid}/close")
    Changed close(@PathVariable String mid) {
        edit(mid);
        return changed(mid, commands.send(new CloseMeeting(mid)));
    }

    // agenda

    @PostMapping("/{mid}/agenda")
    ResponseEntity<CreatedItem> addAgendaItem(@PathVariable String mid, @Valid @RequestBody AgendaItemRequest body) {
        edit(mid);
        String id = UUID.randomUUID().toString();
        commands.send(new AddAgendaItem(mid, id, body.toDetails()));
        int number = meeting(mid, m -> m.agendaItemNumber(id)).orElseThrow();
        return ResponseEntity.created(location("/api/meetings/{mid}/agenda/{iid}", mid, id))
                .body(new CreatedItem(id, number));
    }

    @PatchMapping("/{mid}/agenda/{iid}")
    Changed editAgendaItem(@PathVariable String mid, @PathVariable String iid,
                           @Valid @RequestBody AgendaItemPatch body) {
        edit(mid);
        AgendaItemDetails current = meeting(mid, m -> m.agendaItem(iid))
                .orElseThrow(() -> new NotFound("The meeting has no agenda item " + iid));
        return changed(mid, commands.send(new EditAgendaItem(mid, iid, body.applyTo(current))));
    }

    @PostMapping("/{mid}/guests")
    ResponseEntity<Created> inviteGuest(@PathVariable String mid, @Valid @RequestBody InviteGuestRequest body) {
        edit(mid);
        String id = UUID.randomUUID().toString();
        commands.send(new InviteGuest(mid, id, body.name(), optional(body.title()), optional(body.organisation()),
                body.itemIds() == null ? List.of() : body.itemIds()));
        return ResponseEntity.created(location("/api/meetings/{mid}/guests/{gid}", mid, id)).body(new Created(id));
    }

    // attendance

    @PostMapping("/{mid}/apologies")
    Changed registerApology(@PathVariable String mid, @Valid @RequestBody ApologyRequest body) {
        edit(mid);
        String committeeId = meeting(mid, Meeting::committeeId);
        if (committees.member(committeeId, body.memberId()).isEmpty()) {
            throw new InvalidInput("memberId", "is not a member of the meeting's committee");
        }
        return changed(mid, commands.send(new RegisterApology(mid, body.memberId(), optional(body.reason()))));
    }

    @DeleteMapping("/{mid}/apologies/{memberId}")
    Changed withdrawApology(@PathVariable String mid, @PathVariable String memberId) {
        edit(mid);
        return changed(mid, commands.send(new WithdrawApology(mid, memberId)));
    }

    @PutMapping("/{mid}/attendance/{personId}")
    Changed recordAttendance(@PathVariable String mid, @PathVariable String personId,
                             @Valid @RequestBody AttendanceRequest body) {
        edit(mid);
        requireParticipant(mid, personId);
        return changed(mid, commands.send(new RecordAttendance(mid, personId, body.presence())));
    }

    /** Extension: "forlod mødet efter punkt 7". */
    @PostMapping("/{mid}/departures")
    Changed recordEarlyDeparture(@PathVariable String mid, @Valid @RequestBody DepartureRequest body) {
        edit(mid);
        requireParticipant(mid, body.personId());
        return changed(mid, commands.send(new RecordEarlyDeparture(mid, body.personId(), optional(body.note()))));
    }

    // decisions and actions

    @PutMapping("/{mid}/agenda/{iid}/decision")
    DecisionRecordedAnswer recordDecision(@PathVariable String mid, @PathVariable String iid,
                                          @Valid @RequestBody DecisionRequest body) {
        edit(mid);
        Long version = commands.send(new RecordDecision(mid, iid, body.text(), body.outcome(), body.baseRevision(),
                optional(body.reason())));
        // the revision this command recorded (or found in place), even if others were recorded right after
        long revision = meeting(mid, m -> m.decisionRevisionAt(iid, version));
        return new DecisionRecordedAnswer(iid, revision, version);
    }

    @PostMapping("/{mid}/agenda/{iid}/actions")
    ResponseEntity<Created> addAction(@PathVariable String mid, @PathVariable String iid,
                                      @Valid @RequestBody ActionRequest body) {
        edit(mid);
        String id = UUID.randomUUID().toString();
        commands.send(new AddActionItem(mid, iid, id, body.description(), body.owner(), body.due()));
        return ResponseEntity.created(location("/api/meetings/{mid}/actions/{aid}", mid, id)).body(new Created(id));
    }

    /** Extension: follow an action up (OPEN, IN_PROGRESS, DONE, CANCELLED). */
    @PatchMapping("/{mid}/actions/{aid}")
    Changed changeActionStatus(@PathVariable String mid, @PathVariable String aid,
                               @Valid @RequestBody ActionStatusRequest body) {
        edit(mid);
        return changed(mid, commands.send(new ChangeActionStatus(mid, aid, body.status())));
    }

    // helpers

    /** Only the committee's secretaries (and the admin) change its meetings. */
    private void edit(String mid) {
        access.requireEdit(meeting(mid, Meeting::committeeId));
    }

    private <R> R meeting(String mid, Function<Meeting, R> question) {
        return Aggregates.read(meetings, mid, "meeting", question);
    }

    /** A member of the meeting's committee or a guest of the meeting. */
    private void requireParticipant(String mid, String personId) {
        record Who(String committeeId, boolean guest) {
        }
        Who who = meeting(mid, m -> new Who(m.committeeId(), m.hasGuest(personId)));
        if (!who.guest() && committees.member(who.committeeId(), personId).isEmpty()) {
            throw new NotFound("Nobody with id " + personId + " takes part in this meeting");
        }
    }

    private static Changed changed(String mid, Long version) {
        return new Changed(mid, version);
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<Attachment> toAttachments(List<AttachmentBody> bodies) {
        return bodies == null ? List.of() : bodies.stream().map(AttachmentBody::toAttachment).toList();
    }

    private static URI location(String path, Object... ids) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(ids).toUri();
    }
}
