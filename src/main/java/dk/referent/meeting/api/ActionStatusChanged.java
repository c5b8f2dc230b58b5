package dk.referent.meeting.api;

public record ActionStatusChanged(String meetingId, String itemId, String actionId, ActionStatus status,
                                  ActionStatus previous) implements MeetingEvent {
}
