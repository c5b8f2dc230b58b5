package dk.referent.meeting.api;

public record MinutesApproved(String meetingId, String digest) implements MeetingEvent {
}
