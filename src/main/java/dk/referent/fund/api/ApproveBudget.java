package dk.referent.fund.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A budget for a project: amounts per year (øre, none negative), the organisation responsible for its economy
 * (may be null), its cost split ({@code null} or empty: in proportion to each organisation's total contributions;
 * else explicit shares adding up to 1), the decision that approved it (may be null), and whether it is only
 * {@code proposed} (commits nothing until approved with {@link ApproveProposedBudget}).
 */
public record ApproveBudget(@TargetAggregateIdentifier String fundId, String budgetId, String project,
                            List<YearAmount> amounts, String responsibleOrganisation, List<Share> split,
                            DecisionRef decision, boolean proposed) {
}
