package dk.referent.meeting.api;

/** Every event of a meeting names it first. */
public interface MeetingEvent {

    String meetingId();
}
