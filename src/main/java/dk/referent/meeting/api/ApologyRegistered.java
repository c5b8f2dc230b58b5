package dk.referent.meeting.api;

/** {@code duringMeeting} is true for an apology that came after the meeting had started. */
public record ApologyRegistered(String meetingId, String memberId, String reason, boolean duringMeeting) implements MeetingEvent {
}
