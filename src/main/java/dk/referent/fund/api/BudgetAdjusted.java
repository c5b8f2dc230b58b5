package dk.referent.fund.api;

import java.util.List;

/**
 * An approved budget's amounts changed: the {@code changes} per year, the amounts before and after, the totals
 * before and after, the budget's cost split (unchanged, carried so the change per organisation can be read from
 * the event alone) and the reason.
 */
public record BudgetAdjusted(String fundId, String budgetId, List<YearAmount> changes,
                             List<YearAmount> previousAmounts, List<YearAmount> newAmounts, long previousTotalOre,
                             long newTotalOre, List<CostShare> split, String reason) implements FundEvent {
}
