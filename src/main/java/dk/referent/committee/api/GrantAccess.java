package dk.referent.committee.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record GrantAccess(@TargetAggregateIdentifier String committeeId, String username, AccessRole role) {
}
