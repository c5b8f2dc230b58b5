package dk.referent.fund.api;

/** Every event of a fund names the fund it belongs to; the fund status folds exactly these. */
public sealed interface FundEvent permits FundEstablished, ContributionAdded, BudgetProposed, BudgetApproved,
        BudgetAdjusted, ExpenditureRecorded, BudgetClosed {

    String fundId();
}
