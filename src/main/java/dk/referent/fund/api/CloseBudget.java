package dk.referent.fund.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a budget: it then commits only what it spent; the rest returns to the pool. A proposal is withdrawn. */
public record CloseBudget(@TargetAggregateIdentifier String fundId, String budgetId) {
}
