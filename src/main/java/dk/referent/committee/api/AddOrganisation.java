package dk.referent.committee.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddOrganisation(@TargetAggregateIdentifier String committeeId, String organisation) {
}
