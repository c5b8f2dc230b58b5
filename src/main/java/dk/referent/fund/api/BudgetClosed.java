package dk.referent.fund.api;

import java.util.List;

/**
 * A budget is closed. {@code amounts} are what it had, {@code spent} what it spent per year (it now commits only
 * that), {@code releasedOre} what returned to the pool. {@code wasProposed}: a proposal that was withdrawn without
 * being approved (it committed nothing, releases nothing, and {@code split} is its requested split or null).
 */
public record BudgetClosed(String fundId, String budgetId, List<YearAmount> amounts, List<YearAmount> spent,
                           long releasedOre, List<CostShare> split, boolean wasProposed) implements FundEvent {
}
