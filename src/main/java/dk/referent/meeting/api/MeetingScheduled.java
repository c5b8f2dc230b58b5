package dk.referent.meeting.api;

import java.time.OffsetDateTime;

public record MeetingScheduled(String meetingId, String committeeId, String title, OffsetDateTime startsAt,
                               OffsetDateTime endsAt, String location, MeetingMode mode) implements MeetingEvent {
}
