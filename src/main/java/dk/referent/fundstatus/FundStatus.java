package dk.referent.fundstatus;

import java.util.List;

/**
 * The status of a fund, as API.md describes it ("Fund status read model"), plus the committee it belongs to (for
 * access checks). Amounts are {@link Dkk}: strings with two decimals in JSON. Immutable; built by
 * {@link FundStatusProjection}. The store adds {@code version}.
 * <p>
 * {@code remaining = contributed − committed}, where an approved budget commits its amounts and a closed one only
 * what it spent; an organisation's committed is its part of each budget by the budget's split, its spent what it
 * paid out. {@code settlement}: per year with expenditures, the transfers that even out what each organisation
 * paid against its share of that year's spending.
 */
record FundStatus(String fundId, String committeeId, String name, Totals totals, List<YearLine> byYear,
                  List<OrganisationLine> byOrganisation, List<BudgetLine> budgets, List<SettlementYear> settlement) {

    FundStatus {
        byYear = List.copyOf(byYear);
        byOrganisation = List.copyOf(byOrganisation);
        budgets = List.copyOf(budgets);
        settlement = List.copyOf(settlement);
    }

    record Totals(Dkk contributed, Dkk committed, Dkk spent, Dkk remaining, Dkk proposed,
                  Dkk remainingIfProposedApproved) {
    }

    record YearLine(int year, Dkk contributed, Dkk committed, Dkk spent, Dkk remaining) {
    }

    record OrganisationLine(String organisation, Dkk contributed, Dkk committed, Dkk spent, Dkk remaining,
                            List<OrganisationYear> years) {
        OrganisationLine {
            years = List.copyOf(years);
        }
    }

    record OrganisationYear(int year, Dkk contributed, Dkk committed, Dkk remaining) {
    }

    record BudgetLine(String id, String project, BudgetStatus status, Dkk total, Dkk spent, List<BudgetAmount> amounts,
                      String responsibleOrganisation, Decision decision) {
        BudgetLine {
            amounts = List.copyOf(amounts);
        }
    }

    record BudgetAmount(int year, Dkk amount) {
    }

    record Decision(String meetingId, String itemId) {
    }

    record SettlementYear(int year, List<Transfer> transfers) {
        SettlementYear {
            transfers = List.copyOf(transfers);
        }
    }

    record Transfer(String from, String to, Dkk amount) {
    }
}
