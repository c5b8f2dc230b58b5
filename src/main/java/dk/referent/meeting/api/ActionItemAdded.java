package dk.referent.meeting.api;

import java.time.LocalDate;

public record ActionItemAdded(String meetingId, String itemId, String actionId, String description, String owner,
                              LocalDate due) implements MeetingEvent {
}
