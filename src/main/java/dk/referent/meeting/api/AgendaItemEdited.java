package dk.referent.meeting.api;

/** The item before and after; an edit that changes nothing is not an event. */
public record AgendaItemEdited(String meetingId, String itemId, AgendaItemDetails previous, AgendaItemDetails details) implements MeetingEvent {
}
