package dk.referent.fund.api;

import java.util.List;

/**
 * A budget recorded as a proposal: it commits nothing, and shows in the status as "proposed".
 * {@code split} is the explicit split asked for, or null for a split by contributions, which is resolved
 * (from the contributions as they then stand) when the budget is approved.
 */
public record BudgetProposed(String fundId, String budgetId, String project, List<YearAmount> amounts,
                             long totalOre, String responsibleOrganisation, List<CostShare> split,
                             DecisionRef decision) implements FundEvent {
}
