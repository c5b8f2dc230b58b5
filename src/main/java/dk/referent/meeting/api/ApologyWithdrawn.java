package dk.referent.meeting.api;

public record ApologyWithdrawn(String meetingId, String memberId) implements MeetingEvent {
}
