package dk.referent.committee.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A seat in the committee; {@code name} null or blank is a vacancy. */
public record AddMember(@TargetAggregateIdentifier String committeeId, String memberId, String name, String title,
                        String organisation, CommitteeRole role) {
}
