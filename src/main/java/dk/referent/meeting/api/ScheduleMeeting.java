package dk.referent.meeting.api;

import java.time.OffsetDateTime;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleMeeting(@TargetAggregateIdentifier String meetingId, String committeeId, String title,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String location, MeetingMode mode) {
}
