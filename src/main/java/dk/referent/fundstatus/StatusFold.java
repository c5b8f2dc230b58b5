package dk.referent.fundstatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dk.referent.fund.api.BudgetAdjusted;
import dk.referent.fund.api.BudgetApproved;
import dk.referent.fund.api.BudgetClosed;
import dk.referent.fund.api.BudgetProposed;
import dk.referent.fund.api.ContributionAdded;
import dk.referent.fund.api.CostShare;
import dk.referent.fund.api.DecisionRef;
import dk.referent.fund.api.ExpenditureRecorded;
import dk.referent.fund.api.FundEstablished;
import dk.referent.fund.api.FundEvent;
import dk.referent.fund.api.YearAmount;
import dk.referent.fundstatus.FundStatus.BudgetAmount;
import dk.referent.fundstatus.FundStatus.BudgetLine;
import dk.referent.fundstatus.FundStatus.Decision;
import dk.referent.fundstatus.FundStatus.OrganisationLine;
import dk.referent.fundstatus.FundStatus.OrganisationYear;
import dk.referent.fundstatus.FundStatus.SettlementYear;
import dk.referent.fundstatus.FundStatus.Totals;
import dk.referent.fundstatus.FundStatus.Transfer;
import dk.referent.fundstatus.FundStatus.YearLine;

/**
 * One step of the fund status fold, on a scratch copy: {@link #of} unpacks a view, {@link #apply} takes in one
 * event, {@link #view} packs the result into a new immutable view. Lives only for one event, so the projection
 * stays a pure function of (view, event).
 * <p>
 * Everything needed is in the view and the (rich) event, including the settlement balances: the transfers of a
 * year even out every balance exactly, so an organisation's balance is what it receives minus what it sends.
 */
final class StatusFold {

    private static final class OrgYear {
        long contributed;
        long committed;
    }

    private static final class Org {
        final SortedMap<Integer, OrgYear> years = new TreeMap<>();
        long spent;

        OrgYear year(int year) {
            return years.computeIfAbsent(year, y -> new OrgYear());
        }
    }

    private static final class Year {
        long contributed;
        long committed;
        long spent;
    }

    private static final class Budget {
        String project;
        BudgetStatus status;
        SortedMap<Integer, Long> amounts = new TreeMap<>();
        long spent;
        String responsibleOrganisation;
        Decision decision;
    }

    private String fundId;
    private String committeeId;
    private String name;
    private final SortedMap<String, Org> orgs = new TreeMap<>();
    private final SortedMap<Integer, Year> years = new TreeMap<>();
    private final Map<String, Budget> budgets = new LinkedHashMap<>();
    /** year → organisation → what it paid minus its share of the year's spending */
    private final SortedMap<Integer, SortedMap<String, Long>> balances = new TreeMap<>();

    private StatusFold() {
    }

    static StatusFold of(String fundId, FundStatus view) {
        StatusFold f = new StatusFold();
        f.fundId = fundId;
        if (view == null) {
            return f;
        }
        f.committeeId = view.committeeId();
        f.name = view.name();
        for (OrganisationLine line : view.byOrganisation()) {
            Org org = f.org(line.organisation());
            org.spent = line.spent().ore();
            for (OrganisationYear y : line.years()) {
                OrgYear oy = org.year(y.year());
                oy.contributed = y.contributed().ore();
                oy.committed = y.committed().ore();
            }
        }
        for (YearLine line : view.byYear()) {
            Year y = f.year(line.year());
            y.contributed = line.contributed().ore();
            y.committed = line.committed().ore();
            y.spent = line.spent().ore();
        }
        for (BudgetLine line : view.budgets()) {
            Budget b = new Budget();
            b.project = line.project();
            b.status = line.status();
            line.amounts().forEach(a -> b.amounts.put(a.year(), a.amount().ore()));
            b.spent = line.spent().ore();
            b.responsibleOrganisation = line.responsibleOrganisation();
            b.decision = line.decision();
            f.budgets.put(line.id(), b);
        }
        for (SettlementYear s : view.settlement()) {
            SortedMap<String, Long> balance = f.balances.computeIfAbsent(s.year(), y -> new TreeMap<>());
            for (Transfer t : s.transfers()) {
                balance.merge(t.from(), -t.amount().ore(), Long::sum);
                balance.merge(t.to(), t.amount().ore(), Long::sum);
            }
        }
        return f;
    }

    StatusFold apply(FundEvent event) {
        if (event instanceof FundEstablished e) {
            committeeId = e.committeeId();
            name = e.name();
        } else if (event instanceof ContributionAdded e) {
            org(e.organisation()).year(e.year()).contributed += e.amountOre();
            year(e.year()).contributed += e.amountOre();
        } else if (event instanceof BudgetProposed e) {
            Budget b = new Budget();
            b.status = BudgetStatus.PROPOSED;
            describe(b, e.project(), e.amounts(), e.responsibleOrganisation(), e.decision());
            budgets.put(e.budgetId(), b);
        } else if (event instanceof BudgetApproved e) {
            Budget b = budgets.computeIfAbsent(e.budgetId(), id -> new Budget());
            b.status = BudgetStatus.APPROVED;
            describe(b, e.project(), e.amounts(), e.responsibleOrganisation(), e.decision());
            commit(e.amounts(), e.split(), 1);
        } else if (event instanceof BudgetAdjusted e) {
            Budget b = budgets.get(e.budgetId());
            b.amounts.clear();
            e.newAmounts().forEach(a -> b.amounts.put(a.year(), a.amountOre()));
            commit(e.previousAmounts(), e.split(), -1);
            commit(e.newAmounts(), e.split(), 1);
        } else if (event instanceof ExpenditureRecorded e) {
            budgets.get(e.budgetId()).spent += e.amountOre();
            org(e.organisation()).spent += e.amountOre();
            year(e.year()).spent += e.amountOre();
            SortedMap<String, Long> balance = balances.computeIfAbsent(e.year(), y -> new TreeMap<>());
            balance.merge(e.organisation(), e.amountOre(), Long::sum);
            CostShare.allocate(e.amountOre(), e.split()).forEach((org, part) -> balance.merge(org, -part, Long::sum));
        } else if (event instanceof BudgetClosed e) {
            budgets.get(e.budgetId()).status = BudgetStatus.CLOSED;
            if (!e.wasProposed()) {
                commit(e.amounts(), e.split(), -1);
                commit(e.spent(), e.split(), 1);
            }
        }
        return this;
    }

    FundStatus view() {
        long contributed = years.values().stream().mapToLong(y -> y.contributed).sum();
        long committed = years.values().stream().mapToLong(y -> y.committed).sum();
        long spent = years.values().stream().mapToLong(y -> y.spent).sum();
        long proposed = budgets.values().stream().filter(b -> b.status == BudgetStatus.PROPOSED)
                .mapToLong(StatusFold::total).sum();
        Totals totals = new Totals(dkk(contributed), dkk(committed), dkk(spent), dkk(contributed - committed),
                dkk(proposed), dkk(contributed - committed - proposed));

        List<YearLine> byYear = new ArrayList<>();
        years.forEach((year, y) -> byYear.add(new YearLine(year, dkk(y.contributed), dkk(y.committed), dkk(y.spent),
                dkk(y.contributed - y.committed))));

        List<OrganisationLine> byOrganisation = new ArrayList<>();
        orgs.forEach((organisation, org) -> {
            List<OrganisationYear> lines = new ArrayList<>();
            org.years.forEach((year, y) -> lines.add(new OrganisationYear(year, dkk(y.contributed), dkk(y.committed),
                    dkk(y.contributed - y.committed))));
            long c = org.years.values().stream().mapToLong(y -> y.contributed).sum();
            long k = org.years.values().stream().mapToLong(y -> y.committed).sum();
            byOrganisation.add(new OrganisationLine(organisation, dkk(c), dkk(k), dkk(org.spent), dkk(c - k), lines));
        });

        List<BudgetLine> budgetLines = new ArrayList<>();
        budgets.forEach((id, b) -> {
            List<BudgetAmount> amounts = new ArrayList<>();
            b.amounts.forEach((year, amount) -> amounts.add(new BudgetAmount(year, dkk(amount))));
            budgetLines.add(new BudgetLine(id, b.project, b.status, dkk(total(b)), dkk(b.spent), amounts,
                    b.responsibleOrganisation, b.decision));
        });

        List<SettlementYear> settlement = new ArrayList<>();
        balances.forEach((year, balance) -> settlement.add(new SettlementYear(year, Settlement.transfers(balance))));

        return new FundStatus(fundId, committeeId, name, totals, byYear, byOrganisation, budgetLines, settlement);
    }

    /** Adds (sign 1) or removes (sign −1) what these amounts commit, per year and, by the split, per organisation. */
    private void commit(List<YearAmount> amounts, List<CostShare> split, int sign) {
        for (YearAmount a : amounts) {
            if (a.amountOre() == 0) {
                continue;
            }
            year(a.year()).committed += sign * a.amountOre();
            CostShare.allocate(a.amountOre(), split).forEach((org, part) -> {
                if (part != 0) {
                    org(org).year(a.year()).committed += sign * part;
                }
            });
        }
    }

    private static void describe(Budget b, String project, List<YearAmount> amounts, String responsible,
                                 DecisionRef decision) {
        b.project = project;
        b.amounts.clear();
        amounts.forEach(a -> b.amounts.put(a.year(), a.amountOre()));
        b.responsibleOrganisation = responsible;
        b.decision = decision == null ? null : new Decision(decision.meetingId(), decision.itemId());
    }

    private static long total(Budget b) {
        return b.amounts.values().stream().mapToLong(Long::longValue).sum();
    }

    private Org org(String organisation) {
        return orgs.computeIfAbsent(organisation, o -> new Org());
    }

    private Year year(int year) {
        return years.computeIfAbsent(year, y -> new Year());
    }

    private static Dkk dkk(long ore) {
        return ore == 0 ? Dkk.ZERO : new Dkk(ore);
    }
}
