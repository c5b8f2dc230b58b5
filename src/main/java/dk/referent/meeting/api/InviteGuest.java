package dk.referent.meeting.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record InviteGuest(@TargetAggregateIdentifier String meetingId, String guestId, String name, String title,
                          String organisation, List<String> itemIds) {
}
