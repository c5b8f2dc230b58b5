package dk.referent.fund.api;

import java.util.List;

/**
 * {@code organisation} paid {@code amountOre} for the budget in {@code year}. Carries the budget's cost
 * {@code split}, by which the expenditure is shared between the organisations in the annual settlement.
 */
public record ExpenditureRecorded(String fundId, String expenditureId, String budgetId, String organisation, int year,
                                  long amountOre, String note, List<CostShare> split) implements FundEvent {
}
