package dk.referent.meeting.api;

public record MeetingStarted(String meetingId) implements MeetingEvent {
}
