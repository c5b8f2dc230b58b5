package dk.referent.fund.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EstablishFund(@TargetAggregateIdentifier String fundId, String committeeId, String name) {
}
