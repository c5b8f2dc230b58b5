package dk.referent.fund.api;

import java.util.List;

/**
 * A budget now commits its amounts. Carries the whole budget: amounts per year, their total, the resolved cost
 * {@code split} (exact fractions, see {@link CostShare}) and whether it is the default split by contributions,
 * the approving decision, and whether it was proposed first ({@code fromProposal}).
 */
public record BudgetApproved(String fundId, String budgetId, String project, List<YearAmount> amounts,
                             long totalOre, String responsibleOrganisation, List<CostShare> split,
                             boolean splitByContributions, DecisionRef decision, boolean fromProposal)
        implements FundEvent {
}
