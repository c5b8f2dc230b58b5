package dk.referent.committee.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateCommittee(@TargetAggregateIdentifier String committeeId, String name, List<String> organisations) {
}
