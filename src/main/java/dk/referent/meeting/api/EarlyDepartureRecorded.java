package dk.referent.meeting.api;

public record EarlyDepartureRecorded(String meetingId, String personId, String note) implements MeetingEvent {
}
