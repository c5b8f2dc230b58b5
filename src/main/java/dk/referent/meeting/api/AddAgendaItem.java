package dk.referent.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, AgendaItemDetails details) {
}
