package dk.referent.fundstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.eventhandling.EventMessage;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.referent.fund.FundHarness;
import dk.referent.fund.api.AddContribution;
import dk.referent.fund.api.AdjustBudget;
import dk.referent.fund.api.ApproveBudget;
import dk.referent.fund.api.ApproveProposedBudget;
import dk.referent.fund.api.CloseBudget;
import dk.referent.fund.api.CostShare;
import dk.referent.fund.api.EstablishFund;
import dk.referent.fund.api.ExpenditureRecorded;
import dk.referent.fund.api.RecordExpenditure;
import dk.referent.fund.api.Share;
import dk.referent.fund.api.YearAmount;
import dk.referent.fundstatus.FundStatus.OrganisationLine;
import dk.referent.fundstatus.FundStatus.SettlementYear;
import dk.referent.fundstatus.FundStatus.Transfer;
import dk.referent.fundstatus.FundStatus.YearLine;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.NotFound;
import dk.referent.shared.RuleViolation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of fund commands through the real aggregate, with the fund status folded after every accepted
 * command: the money always adds up.
 */
class SettlementProperties {

    private static final String F = "fund-p";
    private static final List<String> ORGS = List.of("Aarhus", "Region", "Skive", "Viborg");
    private static final List<List<Share>> SPLITS = List.of(
            List.of(share("Aarhus", "0.5"), share("Viborg", "0.5")),
            List.of(share("Aarhus", "0.25"), share("Region", "0.25"), share("Skive", "0.5")),
            List.of(share("Aarhus", "0.1"), share("Region", "0.2"), share("Skive", "0.3"), share("Viborg", "0.4")),
            List.of(share("Region", "1")),
            List.of(share("Skive", "0.3333333333"), share("Viborg", "0.6666666667")),
            List.of(share("Skive", "0.7"), share("Viborg", "0"), share("Region", "0.3")));
    private static final int ORGANISATIONS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind { CONTRIBUTE, BUDGET, PROPOSE, APPROVE_PROPOSAL, ADJUST, SPEND, CLOSE }

    record Step(Kind kind, int org, int year, long ore, int budget, int split) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.frequency(Tuple.of(2, Kind.CONTRIBUTE), Tuple.of(3, Kind.BUDGET),
                        Tuple.of(1, Kind.PROPOSE), Tuple.of(2, Kind.APPROVE_PROPOSAL), Tuple.of(2, Kind.ADJUST),
                        Tuple.of(6, Kind.SPEND), Tuple.of(1, Kind.CLOSE)),
                Arbitraries.integers().between(0, ORGS.size() - 1),
                Arbitraries.integers().between(2023, 2026),
                Arbitraries.longs().between(1, 60_000_000L),
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(-1, SPLITS.size() - 1)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(50);
    }

    @Property(tries = 120)
    void theMoneyAlwaysAddsUp(@ForAll("steps") List<Step> steps,
                              @ForAll @Size(ORGANISATIONS) List<@LongRange(min = 0, max = 40_000_000L) Long> initial)
            throws Exception {
        try (FundHarness fund = new FundHarness()) {
            fund.send(new EstablishFund(F, "committee", "Pulje"));
            for (int i = 0; i < ORGS.size(); i++) {
                if (initial.get(i) > 0) {
                    fund.send(new AddContribution(F, null, ORGS.get(i), 2024, initial.get(i)));
                }
            }
            Map<String, Integer> budgetIds = new LinkedHashMap<>();
            FundStatus viaJson = fold(fund.events(F), null, 0);
            int seen = fund.events(F).size();
            for (int i = 0; i < steps.size(); i++) {
                Object command = command(steps.get(i), i, budgetIds);
                try {
                    fund.send(command);
                } catch (RuleViolation | InvalidInput | NotFound refused) {
                    Statistics.label("commands").collect(steps.get(i).kind(), "refused");
                    assertThat(fund.events(F)).as("a refused command applies nothing").hasSize(seen);
                    continue;
                }
                Statistics.label("commands").collect(steps.get(i).kind(), "accepted");
                List<? extends EventMessage<?>> events = fund.events(F);
                assertThat(events).hasSize(seen + 1);
                // the store keeps the view as JSON between events: fold through JSON, step by step
                viaJson = fold(events, viaJson, seen);
                seen = events.size();
                FundStatus status = FundStatusFolding.fold(F, events);
                assertThat(viaJson).isEqualTo(status);
                assertMoneyAddsUp(status);
                assertTransfersEvenOut(status, events);
            }
        }
    }

    private static FundStatus fold(List<? extends EventMessage<?>> events, FundStatus view, int from)
            throws Exception {
        FundStatusProjection projection = new FundStatusProjection();
        for (EventMessage<?> event : events.subList(from, events.size())) {
            FundStatus stored = view == null ? null
                    : JSON.readValue(JSON.writeValueAsString(view), FundStatus.class);
            view = projection.apply(F, stored, event, null);
        }
        return view;
    }

    private static Object command(Step s, int n, Map<String, Integer> budgetIds) {
        String org = ORGS.get(s.org());
        List<String> ids = List.copyOf(budgetIds.keySet());
        String budget = ids.isEmpty() ? "none" : ids.get(s.budget() % ids.size());
        int spendYear = budgetIds.getOrDefault(budget, s.year()) + s.budget() % 2;
        List<Share> split = s.split() < 0 ? null : SPLITS.get(s.split());
        List<YearAmount> amounts = List.of(new YearAmount(s.year(), s.ore()),
                new YearAmount(s.year() + 1, s.ore() / 3));
        return switch (s.kind()) {
            case CONTRIBUTE -> new AddContribution(F, null, org, s.year(), s.ore() * 3);
            case BUDGET, PROPOSE -> {
                String id = "b" + n;
                budgetIds.put(id, s.year());
                yield new ApproveBudget(F, id, "Projekt " + n, amounts, org, split, null, s.kind() == Kind.PROPOSE);
            }
            case APPROVE_PROPOSAL -> new ApproveProposedBudget(F, budget, null);
            case ADJUST -> new AdjustBudget(F, budget,
                    List.of(new YearAmount(s.year(), s.split() % 2 == 0 ? -s.ore() / 2 : s.ore() / 2)), "justering");
            case SPEND -> new RecordExpenditure(F, "e" + n, budget, org, spendYear, Math.max(1, s.ore() / 20), null);
            case CLOSE -> new CloseBudget(F, budget);
        };
    }

    static void assertMoneyAddsUp(FundStatus status) {
        var t = status.totals();
        assertThat(t.remaining().ore()).isEqualTo(t.contributed().ore() - t.committed().ore());
        assertThat(t.remaining().ore()).as("nothing committed beyond the fund").isNotNegative();
        assertThat(t.remainingIfProposedApproved().ore()).isEqualTo(t.remaining().ore() - t.proposed().ore());
        // committed: approved budgets their amounts, closed ones what they spent
        long committed = status.budgets().stream().mapToLong(b -> switch (b.status()) {
            case PROPOSED -> 0;
            case APPROVED -> b.total().ore();
            case CLOSED -> b.spent().ore();
        }).sum();
        assertThat(t.committed().ore()).isEqualTo(committed);
        assertThat(status.budgets()).allSatisfy(b -> assertThat(b.spent().ore()).isLessThanOrEqualTo(b.total().ore()));
        // split parts add up to the øre: per organisation and year, as per year, as in total
        assertThat(sum(status.byYear().stream().map(YearLine::committed).toList())).isEqualTo(t.committed().ore());
        assertThat(sum(status.byYear().stream().map(YearLine::spent).toList())).isEqualTo(t.spent().ore());
        assertThat(sum(status.byOrganisation().stream().map(OrganisationLine::committed).toList()))
                .isEqualTo(t.committed().ore());
        assertThat(sum(status.byOrganisation().stream().map(OrganisationLine::contributed).toList()))
                .isEqualTo(t.contributed().ore());
        assertThat(sum(status.byOrganisation().stream().map(OrganisationLine::spent).toList()))
                .isEqualTo(t.spent().ore());
        for (YearLine year : status.byYear()) {
            assertThat(year.remaining().ore()).isEqualTo(year.contributed().ore() - year.committed().ore());
            long committedByOrgs = status.byOrganisation().stream().flatMap(o -> o.years().stream())
                    .filter(y -> y.year() == year.year()).mapToLong(y -> y.committed().ore()).sum();
            assertThat(committedByOrgs).isEqualTo(year.committed().ore());
        }
        for (OrganisationLine org : status.byOrganisation()) {
            assertThat(org.remaining().ore()).isEqualTo(org.contributed().ore() - org.committed().ore());
        }
    }

    /** Balances computed from the expenditures themselves; the transfers must bring every one of them to zero. */
    static void assertTransfersEvenOut(FundStatus status, List<? extends EventMessage<?>> events) {
        Map<Integer, Map<String, Long>> balances = new TreeMap<>();
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof ExpenditureRecorded e) {
                Map<String, Long> balance = balances.computeIfAbsent(e.year(), y -> new TreeMap<>());
                balance.merge(e.organisation(), e.amountOre(), Long::sum);
                Map<String, Long> parts = CostShare.allocate(e.amountOre(), e.split());
                assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(e.amountOre());
                parts.forEach((org, part) -> balance.merge(org, -part, Long::sum));
            }
        }
        assertThat(status.settlement()).extracting(SettlementYear::year)
                .containsExactlyElementsOf(balances.keySet());
        for (SettlementYear year : status.settlement()) {
            Map<String, Long> balance = new TreeMap<>(balances.get(year.year()));
            long organisations = balance.values().stream().filter(b -> b != 0).count();
            assertThat(year.transfers().size()).as("a short list").isLessThanOrEqualTo((int) Math.max(0, organisations - 1));
            for (Transfer t : year.transfers()) {
                assertThat(t.amount().ore()).isPositive();
                balance.merge(t.from(), t.amount().ore(), Long::sum);
                balance.merge(t.to(), -t.amount().ore(), Long::sum);
            }
            assertThat(balance.values()).as("balances after the transfers of " + year.year()).allMatch(b -> b == 0);
        }
    }

    private static long sum(List<Dkk> amounts) {
        return amounts.stream().mapToLong(Dkk::ore).sum();
    }

    private static Share share(String org, String share) {
        return new Share(org, new BigDecimal(share));
    }
}
