package dk.referent.meeting.api;

/** {@code previous} is null the first time; an apology registered earlier is withdrawn by IN_ROOM/VIRTUAL. */
public record AttendanceRecorded(String meetingId, String personId, Presence presence, Presence previous) implements MeetingEvent {
}
