package dk.referent.meeting.api;

/** {@code number} is the item's place on the agenda, 1 for the first. */
public record AgendaItemAdded(String meetingId, String itemId, int number, AgendaItemDetails details) implements MeetingEvent {
}
