package dk.referent.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dk.referent.fund.api.BudgetAdjusted;
import dk.referent.fund.api.BudgetApproved;
import dk.referent.fund.api.BudgetClosed;
import dk.referent.fund.api.BudgetProposed;
import dk.referent.fund.api.DecisionRef;
import dk.referent.fund.api.FundEvent;
import dk.referent.minutes.MinutesView.BudgetRef;
import dk.referent.shared.Money;
import dk.referent.view.ViewLookup;

/**
 * Budgets in the minutes: a budget that names the decision (meeting + item) approving or proposing it is listed
 * under that item, and follows its budget's total and status afterwards.
 */
final class BudgetLinks {

    private BudgetLinks() {
    }

    static Set<String> targets(FundEvent e, ViewLookup views) {
        DecisionRef decision = null;
        String budgetId = null;
        if (e instanceof BudgetProposed p) {
            decision = p.decision();
            budgetId = p.budgetId();
        } else if (e instanceof BudgetApproved a) {
            decision = a.decision();
            budgetId = a.budgetId();
        } else if (e instanceof BudgetAdjusted a) {
            budgetId = a.budgetId();
        } else if (e instanceof BudgetClosed c) {
            budgetId = c.budgetId();
        } else {
            return Set.of();
        }
        DecisionRef d = decision;
        if (d != null && views.find(MinutesProjection.NAME, d.meetingId(), MinutesView.class)
                .filter(m -> m.items().stream().anyMatch(i -> i.id().equals(d.itemId()))).isPresent()) {
            return Set.of(d.meetingId());
        }
        return views.idsWhere(MinutesProjection.NAME, MinutesProjection.budgetRef(budgetId), "1");
    }

    static MinutesView apply(MinutesView v, FundEvent e) {
        if (e instanceof BudgetProposed p) {
            return upsert(v, p.decision(), new BudgetRef(p.fundId(), p.budgetId(), p.project(),
                    Money.format(p.totalOre()), "PROPOSED"));
        } else if (e instanceof BudgetApproved a) {
            return upsert(v, a.decision(), new BudgetRef(a.fundId(), a.budgetId(), a.project(),
                    Money.format(a.totalOre()), "APPROVED"));
        } else if (e instanceof BudgetAdjusted a) {
            return update(v, a.budgetId(), b -> new BudgetRef(b.fundId(), b.budgetId(), b.project(),
                    Money.format(a.newTotalOre()), b.status()));
        } else if (e instanceof BudgetClosed c) {
            return update(v, c.budgetId(), b -> new BudgetRef(b.fundId(), b.budgetId(), b.project(), b.total(),
                    "CLOSED"));
        }
        return v;
    }

    private static MinutesView upsert(MinutesView v, DecisionRef decision, BudgetRef ref) {
        boolean listed = v.items().stream().anyMatch(i -> i.budgets().stream()
                .anyMatch(b -> b.budgetId().equals(ref.budgetId())));
        if (listed) {
            return update(v, ref.budgetId(), b -> ref);
        }
        return v.mapItem(decision.itemId(), i -> {
            List<BudgetRef> budgets = new ArrayList<>(i.budgets());
            budgets.add(ref);
            return i.withBudgets(budgets);
        });
    }

    private static MinutesView update(MinutesView v, String budgetId, java.util.function.UnaryOperator<BudgetRef> f) {
        List<MinutesView.Item> items = new ArrayList<>();
        for (MinutesView.Item i : v.items()) {
            items.add(i.withBudgets(i.budgets().stream().map(b -> b.budgetId().equals(budgetId) ? f.apply(b) : b)
                    .toList()));
        }
        return v.withItems(items);
    }
}
