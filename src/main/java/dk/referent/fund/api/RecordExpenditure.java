package dk.referent.fund.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Money an organisation paid out for a budget in a year (øre, above zero). */
public record RecordExpenditure(@TargetAggregateIdentifier String fundId, String expenditureId, String budgetId,
                                String organisation, int year, long amountOre, String note) {
}
