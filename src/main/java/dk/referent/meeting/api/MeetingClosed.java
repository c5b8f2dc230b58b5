package dk.referent.meeting.api;

public record MeetingClosed(String meetingId) implements MeetingEvent {
}
