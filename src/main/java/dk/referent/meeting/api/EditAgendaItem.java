package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code details} is the item as it should be after the edit (the controller merges a PATCH into it). */
public record EditAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, AgendaItemDetails details) {
}
