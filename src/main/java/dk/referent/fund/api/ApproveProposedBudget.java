package dk.referent.fund.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approves a proposed budget; {@code decision} (may be null) names the approving decision if it is a new one. */
public record ApproveProposedBudget(@TargetAggregateIdentifier String fundId, String budgetId, DecisionRef decision) {
}
