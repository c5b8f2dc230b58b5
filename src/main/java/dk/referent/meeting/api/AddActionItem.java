package dk.referent.meeting.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddActionItem(@TargetAggregateIdentifier String meetingId, String itemId, String actionId,
                            String description, String owner, LocalDate due) {
}
