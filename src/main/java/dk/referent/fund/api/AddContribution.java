package dk.referent.fund.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An organisation's contribution to the fund for a year. {@code contributionId} may be null: the fund numbers it. */
public record AddContribution(@TargetAggregateIdentifier String fundId, String contributionId, String organisation,
                              int year, long amountOre) {
}
