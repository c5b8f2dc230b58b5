package dk.referent.fund;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import dk.referent.fund.api.AddContribution;
import dk.referent.fund.api.AdjustBudget;
import dk.referent.fund.api.ApproveBudget;
import dk.referent.fund.api.ApproveProposedBudget;
import dk.referent.fund.api.BudgetAdjusted;
import dk.referent.fund.api.BudgetApproved;
import dk.referent.fund.api.BudgetClosed;
import dk.referent.fund.api.BudgetProposed;
import dk.referent.fund.api.CloseBudget;
import dk.referent.fund.api.ContributionAdded;
import dk.referent.fund.api.CostShare;
import dk.referent.fund.api.DecisionRef;
import dk.referent.fund.api.EstablishFund;
import dk.referent.fund.api.ExpenditureRecorded;
import dk.referent.fund.api.FundEstablished;
import dk.referent.fund.api.RecordExpenditure;
import dk.referent.fund.api.Share;
import dk.referent.fund.api.YearAmount;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.Money;
import dk.referent.shared.NotFound;
import dk.referent.shared.RuleViolation;

/**
 * A shared pot of money (klyngemidler) of one committee: contributions, budgets, adjustments, expenditures.
 * <p>
 * Rules, all checked before anything is applied (a refused command applies nothing):
 * <ul>
 * <li>What the fund has left is {@code contributed − committed}, where an approved budget commits its amounts and
 * a closed one only what it spent; a proposal commits nothing. A budget, the approval of a proposal or an
 * adjustment that would commit more than is left is refused, naming both figures. The check is on the fund's
 * total, not per year: contributions arrive per year, but a committee spends the pool across years (the seed's
 * Tabel 2 shows years that are negative on their own while the pool as a whole is not).</li>
 * <li>An adjustment never takes a year's amount below what the budget has spent in that year.</li>
 * <li>Expenditures only on approved budgets that are not closed, by an organisation that has contributed, and
 * never more than the budget has left for that year (so a budget never spends more than it commits).</li>
 * <li>A split names organisations that have contributed, with non-negative shares adding up to exactly 1. The
 * default split is in proportion to each organisation's total contributions when the budget is approved.</li>
 * </ul>
 * Command handlers that change an existing fund return its new version (last sequence number + 1).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
class Fund {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_SHARE_DECIMALS = 10;

    private enum Status { PROPOSED, APPROVED, CLOSED }

    private static final class Budget {
        private Status status;
        private final SortedMap<Integer, Long> amounts = new TreeMap<>();
        private final SortedMap<Integer, Long> spent = new TreeMap<>();
        /** the resolved split once approved; for a proposal the requested explicit split, or null */
        private List<CostShare> split;
        private DecisionRef decision;
        private String project;
        private String responsibleOrganisation;

        long total() {
            return amounts.values().stream().mapToLong(Long::longValue).sum();
        }

        long spentTotal() {
            return spent.values().stream().mapToLong(Long::longValue).sum();
        }

        long committed() {
            return switch (status) {
                case PROPOSED -> 0;
                case APPROVED -> total();
                case CLOSED -> spentTotal();
            };
        }

        // value equality, so that the test fixture can compare the state built by commands and by replay
        @Override
        public boolean equals(Object o) {
            return o instanceof Budget b && status == b.status && amounts.equals(b.amounts) && spent.equals(b.spent)
                    && Objects.equals(split, b.split) && Objects.equals(decision, b.decision)
                    && Objects.equals(project, b.project)
                    && Objects.equals(responsibleOrganisation, b.responsibleOrganisation);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, amounts, spent, split, decision, project, responsibleOrganisation);
        }
    }

    @AggregateIdentifier
    private String fundId;
    private final SortedMap<String, Long> contributedBy = new TreeMap<>();
    private long contributed;
    private int contributionCount;
    private final Set<String> contributionIds = new HashSet<>();
    private final Map<String, Budget> budgets = new HashMap<>();
    private final Set<String> expenditureIds = new HashSet<>();

    Fund() {
        // for Axon
    }

    @CommandHandler
    Fund(EstablishFund cmd) {
        String fundId = text(cmd.fundId(), "fundId");
        String committeeId = text(cmd.committeeId(), "committeeId");
        String name = text(cmd.name(), "name");
        apply(new FundEstablished(fundId, committeeId, name));
    }

    @CommandHandler
    long handle(AddContribution cmd) {
        String organisation = text(cmd.organisation(), "organisation");
        int year = year(cmd.year(), "year");
        long amount = positive(cmd.amountOre(), "amount");
        String id = cmd.contributionId() == null || cmd.contributionId().isBlank()
                ? "contribution-" + (contributionCount + 1) : cmd.contributionId().strip();
        if (contributionIds.contains(id)) {
            throw new RuleViolation("Contribution " + id + " is already recorded");
        }
        apply(new ContributionAdded(fundId, id, organisation, year, amount));
        return version();
    }

    @CommandHandler
    long handle(ApproveBudget cmd) {
        String budgetId = text(cmd.budgetId(), "budgetId");
        String project = text(cmd.project(), "project");
        SortedMap<Integer, Long> amounts = yearAmounts(cmd.amounts(), false);
        long total = sum(amounts);
        if (total <= 0) {
            throw new InvalidInput("amounts", "must add up to more than 0");
        }
        String responsible = optionalText(cmd.responsibleOrganisation());
        DecisionRef decision = decision(cmd.decision());
        List<CostShare> explicit = cmd.split() == null || cmd.split().isEmpty() ? null : explicitSplit(cmd.split());
        if (budgets.containsKey(budgetId)) {
            throw new RuleViolation("Budget " + budgetId + " already exists");
        }
        if (cmd.proposed()) {
            apply(new BudgetProposed(fundId, budgetId, project, list(amounts), total, responsible, explicit, decision));
        } else {
            requireFunds(total, "the budget needs");
            List<CostShare> split = explicit != null ? explicit : splitByContributions();
            apply(new BudgetApproved(fundId, budgetId, project, list(amounts), total, responsible, split,
                    explicit == null, decision, false));
        }
        return version();
    }

    @CommandHandler
    long handle(ApproveProposedBudget cmd) {
        DecisionRef decision = decision(cmd.decision());
        Budget budget = budget(cmd.budgetId());
        if (budget.status != Status.PROPOSED) {
            throw new RuleViolation("Budget " + cmd.budgetId() + " is " + budget.status.name().toLowerCase()
                    + ", not proposed");
        }
        long total = budget.total();
        requireFunds(total, "the budget needs");
        boolean byContributions = budget.split == null;
        List<CostShare> split = byContributions ? splitByContributions() : budget.split;
        apply(new BudgetApproved(fundId, cmd.budgetId(), budget.project, list(budget.amounts), total,
                budget.responsibleOrganisation, split, byContributions,
                decision != null ? decision : budget.decision, true));
        return version();
    }

    @CommandHandler
    long handle(AdjustBudget cmd) {
        SortedMap<Integer, Long> changes = yearAmounts(cmd.changes(), true);
        if (changes.values().stream().allMatch(c -> c == 0)) {
            throw new InvalidInput("amounts", "change nothing");
        }
        String reason = text(cmd.reason(), "reason");
        Budget budget = budget(cmd.budgetId());
        if (budget.status != Status.APPROVED) {
            throw new RuleViolation("Budget " + cmd.budgetId() + " is " + budget.status.name().toLowerCase()
                    + "; only an approved budget can be adjusted");
        }
        SortedMap<Integer, Long> after = new TreeMap<>(budget.amounts);
        changes.forEach((year, change) -> {
            long now = after.getOrDefault(year, 0L) + change;
            long spent = budget.spent.getOrDefault(year, 0L);
            if (now < spent) {
                throw new RuleViolation("The budget has spent " + Money.danish(spent) + " in " + year
                        + "; the adjustment would leave " + Money.danish(now) + " for that year");
            }
            after.put(year, now);
        });
        long increase = sum(changes);
        if (increase > 0) {
            requireFunds(increase, "the adjustment needs");
        }
        apply(new BudgetAdjusted(fundId, cmd.budgetId(), list(changes), list(budget.amounts), list(after),
                budget.total(), sum(after), budget.split, reason));
        return version();
    }

    @CommandHandler
    long handle(RecordExpenditure cmd) {
        String expenditureId = text(cmd.expenditureId(), "expenditureId");
        String organisation = text(cmd.organisation(), "organisation");
        int year = year(cmd.year(), "year");
        long amount = positive(cmd.amountOre(), "amount");
        String note = optionalText(cmd.note());
        if (!contributedBy.containsKey(organisation)) {
            throw new InvalidInput("organisation", organisation + " has not contributed to the fund");
        }
        Budget budget = budget(cmd.budgetId());
        if (expenditureIds.contains(expenditureId)) {
            throw new RuleViolation("Expenditure " + expenditureId + " is already recorded");
        }
        if (budget.status != Status.APPROVED) {
            throw new RuleViolation("Budget " + cmd.budgetId() + " is " + budget.status.name().toLowerCase()
                    + "; expenditures can only be recorded on an approved budget");
        }
        long left = budget.amounts.getOrDefault(year, 0L) - budget.spent.getOrDefault(year, 0L);
        if (amount > left) {
            throw new RuleViolation("The budget has " + Money.danish(left) + " left for " + year
                    + "; the expenditure is " + Money.danish(amount));
        }
        apply(new ExpenditureRecorded(fundId, expenditureId, cmd.budgetId(), organisation, year, amount, note,
                budget.split));
        return version();
    }

    @CommandHandler
    long handle(CloseBudget cmd) {
        Budget budget = budget(cmd.budgetId());
        if (budget.status == Status.CLOSED) {
            throw new RuleViolation("Budget " + cmd.budgetId() + " is already closed");
        }
        boolean proposal = budget.status == Status.PROPOSED;
        List<YearAmount> spent = new ArrayList<>();
        budget.amounts.keySet().forEach(y -> spent.add(new YearAmount(y, budget.spent.getOrDefault(y, 0L))));
        long released = proposal ? 0 : budget.total() - budget.spentTotal();
        apply(new BudgetClosed(fundId, cmd.budgetId(), list(budget.amounts), spent, released, budget.split,
                proposal));
        return version();
    }

    // ---- state

    @EventSourcingHandler
    void on(FundEstablished e) {
        this.fundId = e.fundId();
    }

    @EventSourcingHandler
    void on(ContributionAdded e) {
        contributedBy.merge(e.organisation(), e.amountOre(), Long::sum);
        contributed += e.amountOre();
        contributionCount++;
        contributionIds.add(e.contributionId());
    }

    @EventSourcingHandler
    void on(BudgetProposed e) {
        Budget b = new Budget();
        b.status = Status.PROPOSED;
        e.amounts().forEach(a -> b.amounts.put(a.year(), a.amountOre()));
        b.split = e.split();
        b.decision = e.decision();
        b.project = e.project();
        b.responsibleOrganisation = e.responsibleOrganisation();
        budgets.put(e.budgetId(), b);
    }

    @EventSourcingHandler
    void on(BudgetApproved e) {
        Budget b = budgets.computeIfAbsent(e.budgetId(), id -> new Budget());
        b.status = Status.APPROVED;
        b.amounts.clear();
        e.amounts().forEach(a -> b.amounts.put(a.year(), a.amountOre()));
        b.split = e.split();
        b.decision = e.decision();
        b.project = e.project();
        b.responsibleOrganisation = e.responsibleOrganisation();
    }

    @EventSourcingHandler
    void on(BudgetAdjusted e) {
        Budget b = budgets.get(e.budgetId());
        b.amounts.clear();
        e.newAmounts().forEach(a -> b.amounts.put(a.year(), a.amountOre()));
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded e) {
        budgets.get(e.budgetId()).spent.merge(e.year(), e.amountOre(), Long::sum);
        expenditureIds.add(e.expenditureId());
    }

    @EventSourcingHandler
    void on(BudgetClosed e) {
        budgets.get(e.budgetId()).status = Status.CLOSED;
    }

    // ---- rules and helpers

    private long remaining() {
        return contributed - budgets.values().stream().mapToLong(Budget::committed).sum();
    }

    private void requireFunds(long needed, String what) {
        long left = remaining();
        if (needed > left) {
            throw new RuleViolation("The fund has " + Money.danish(left) + " left; " + what + " "
                    + Money.danish(needed));
        }
    }

    private Budget budget(String budgetId) {
        Budget b = budgetId == null ? null : budgets.get(budgetId);
        if (b == null) {
            throw new NotFound("The fund has no budget " + budgetId);
        }
        return b;
    }

    private List<CostShare> splitByContributions() {
        if (contributedBy.isEmpty()) {
            throw new RuleViolation("The fund has no contributions to split the budget by");
        }
        List<CostShare> split = new ArrayList<>();
        contributedBy.forEach((org, amount) -> split.add(new CostShare(org, amount)));
        return split;
    }

    private List<CostShare> explicitSplit(List<Share> shares) {
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        int scale = 0;
        for (Share s : shares) {
            if (s == null || s.organisation() == null || s.organisation().isBlank()) {
                throw new InvalidInput("split", "every share names an organisation");
            }
            String org = s.organisation().strip();
            if (!seen.add(org)) {
                throw new InvalidInput("split", org + " appears more than once");
            }
            if (!contributedBy.containsKey(org)) {
                throw new InvalidInput("split", org + " has not contributed to the fund");
            }
            if (s.share() == null) {
                throw new InvalidInput("split", "the share of " + org + " is missing");
            }
            if (s.share().signum() < 0) {
                throw new InvalidInput("split", "the share of " + org + " must not be negative");
            }
            BigDecimal share = s.share().stripTrailingZeros();
            if (share.scale() > MAX_SHARE_DECIMALS) {
                throw new InvalidInput("split", "shares have at most " + MAX_SHARE_DECIMALS + " decimals");
            }
            scale = Math.max(scale, share.scale());
            sum = sum.add(share);
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidInput("split", "the shares add up to " + sum.toPlainString() + ", not 1");
        }
        List<CostShare> split = new ArrayList<>();
        for (Share s : shares) {
            long weight = s.share().setScale(scale).unscaledValue().longValueExact();
            split.add(new CostShare(s.organisation().strip(), weight));
        }
        return split;
    }

    private static SortedMap<Integer, Long> yearAmounts(List<YearAmount> amounts, boolean signed) {
        if (amounts == null || amounts.isEmpty()) {
            throw new InvalidInput("amounts", "name at least one year");
        }
        SortedMap<Integer, Long> result = new TreeMap<>();
        for (YearAmount a : amounts) {
            if (a == null) {
                throw new InvalidInput("amounts", "an entry is empty");
            }
            year(a.year(), "amounts");
            if (Math.abs(a.amountOre()) > Money.MAX_ORE) {
                throw new InvalidInput("amounts", "the amount for " + a.year() + " is too large");
            }
            if (!signed && a.amountOre() < 0) {
                throw new InvalidInput("amounts", "the amount for " + a.year() + " must not be negative");
            }
            if (result.put(a.year(), a.amountOre()) != null) {
                throw new InvalidInput("amounts", "year " + a.year() + " appears more than once");
            }
        }
        return result;
    }

    private static List<YearAmount> list(SortedMap<Integer, Long> amounts) {
        List<YearAmount> list = new ArrayList<>();
        amounts.forEach((y, a) -> list.add(new YearAmount(y, a)));
        return List.copyOf(list);
    }

    private static long sum(SortedMap<Integer, Long> amounts) {
        return amounts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static DecisionRef decision(DecisionRef d) {
        if (d == null) {
            return null;
        }
        return new DecisionRef(text(d.meetingId(), "decision.meetingId"), text(d.itemId(), "decision.itemId"));
    }

    private static int year(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInput(field, "year " + year + " is not between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return year;
    }

    private static long positive(long ore, String field) {
        if (ore <= 0) {
            throw new InvalidInput(field, "must be more than 0");
        }
        if (ore > Money.MAX_ORE) {
            throw new InvalidInput(field, "is too large");
        }
        return ore;
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        return value.strip();
    }

    private static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static long version() {
        return AggregateLifecycle.getVersion() + 1;
    }
}
