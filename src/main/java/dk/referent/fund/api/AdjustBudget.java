package dk.referent.fund.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes an approved budget's amounts per year by {@code changes} (øre, may be negative), for a reason. */
public record AdjustBudget(@TargetAggregateIdentifier String fundId, String budgetId, List<YearAmount> changes,
                           String reason) {
}
