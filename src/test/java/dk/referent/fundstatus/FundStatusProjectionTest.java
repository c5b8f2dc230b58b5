package dk.referent.fundstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.referent.committee.api.CommitteeCreated;
import dk.referent.fund.api.BudgetAdjusted;
import dk.referent.fund.api.BudgetApproved;
import dk.referent.fund.api.BudgetClosed;
import dk.referent.fund.api.BudgetProposed;
import dk.referent.fund.api.ContributionAdded;
import dk.referent.fund.api.CostShare;
import dk.referent.fund.api.DecisionRef;
import dk.referent.fund.api.ExpenditureRecorded;
import dk.referent.fund.api.FundEstablished;
import dk.referent.fund.api.YearAmount;
import dk.referent.fundstatus.FundStatus.OrganisationLine;

class FundStatusProjectionTest {

    private static final String F = "fund-1";
    private static final long KR = 100;
    /** Viborg 60 %, Skive 40 % */
    private static final List<CostShare> SPLIT = List.of(new CostShare("Skive", 40), new CostShare("Viborg", 60));

    private final FundStatusProjection projection = new FundStatusProjection();

    private static List<EventMessage<?>> messages(Object... payloads) {
        List<EventMessage<?>> list = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            list.add(new GenericDomainEventMessage<>("Fund", F, i, payloads[i]));
        }
        return list;
    }

    private FundStatus fold(Object... payloads) {
        FundStatus view = null;
        for (EventMessage<?> m : messages(payloads)) {
            view = projection.apply(F, view, m, null);
        }
        return view;
    }

    private static Object[] fund() {
        return new Object[] {new FundEstablished(F, "committee-1", "Klyngemidler"),
                new ContributionAdded(F, "c1", "Viborg", 2024, 600_000 * KR),
                new ContributionAdded(F, "c2", "Skive", 2024, 400_000 * KR)};
    }

    private static BudgetApproved budget(String id, long kr2024, long kr2025) {
        return new BudgetApproved(F, id, "Projekt " + id,
                List.of(new YearAmount(2024, kr2024 * KR), new YearAmount(2025, kr2025 * KR)),
                (kr2024 + kr2025) * KR, "Viborg", SPLIT, true, new DecisionRef("m1", "i8"), false);
    }

    private static Object[] with(Object[] first, Object... more) {
        Object[] all = new Object[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static OrganisationLine org(FundStatus status, String name) {
        return status.byOrganisation().stream().filter(o -> o.organisation().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void targetsTheFundOfAFundEventOnly() {
        assertThat(projection.targets(GenericEventMessage.asEventMessage(fund()[1]), null)).isEqualTo(Set.of(F));
        assertThat(projection.targets(GenericEventMessage.asEventMessage(
                new CommitteeCreated("c", "Styregruppe", List.of())), null)).isEmpty();
        assertThat(projection.topic(F)).isEqualTo("/topic/funds/fund-1");
        assertThat(projection.name()).isEqualTo("fundstatus");
    }

    @Test
    void refersToItsCommittee() {
        assertThat(projection.refs(fold(fund()))).isEqualTo(Map.of("committeeId", "committee-1"));
    }

    @Test
    void contributionsAddUpPerYearAndOrganisation() {
        FundStatus status = fold(fund());

        assertThat(status.totals().contributed()).hasToString("1000000.00");
        assertThat(status.totals().remaining()).hasToString("1000000.00");
        assertThat(status.byYear()).singleElement().satisfies(y -> assertThat(y.contributed()).hasToString("1000000.00"));
        assertThat(org(status, "Viborg").contributed()).hasToString("600000.00");
    }

    @Test
    void approvedBudgetCommitsItsAmountsSplitBetweenTheOrganisations() {
        FundStatus status = fold(with(fund(), budget("b1", 100_000, 50_000)));

        assertThat(status.totals().committed()).hasToString("150000.00");
        assertThat(status.totals().remaining()).hasToString("850000.00");
        assertThat(org(status, "Viborg").committed()).hasToString("90000.00");
        assertThat(org(status, "Skive").committed()).hasToString("60000.00");
        assertThat(org(status, "Skive").remaining()).hasToString("340000.00");
        assertThat(org(status, "Skive").years()).extracting(y -> y.year() + " " + y.committed() + " " + y.remaining())
                .containsExactly("2024 40000.00 360000.00", "2025 20000.00 -20000.00");
    }

    @Test
    void splitPartsAreRoundedToTheOereAndAddUp() {
        List<CostShare> thirds = List.of(new CostShare("Skive", 1), new CostShare("Viborg", 2));
        FundStatus status = fold(with(fund(), new BudgetApproved(F, "b1", "P", List.of(new YearAmount(2024, 100)),
                100, null, thirds, false, null, false)));

        assertThat(org(status, "Skive").committed()).hasToString("0.33");
        assertThat(org(status, "Viborg").committed()).hasToString("0.67");
    }

    @Test
    void proposalShowsBesideThePoolAndCommitsNothing() {
        FundStatus status = fold(with(fund(), budget("b1", 100_000, 0),
                new BudgetProposed(F, "p1", "Dosispakket medicin", List.of(new YearAmount(2025, 1_100_000 * KR)),
                        1_100_000 * KR, null, null, null)));

        assertThat(status.totals().committed()).hasToString("100000.00");
        assertThat(status.totals().proposed()).hasToString("1100000.00");
        assertThat(status.totals().remainingIfProposedApproved()).hasToString("-200000.00");
        assertThat(status.budgets()).extracting(b -> b.id() + " " + b.status())
                .containsExactly("b1 APPROVED", "p1 PROPOSED");
    }

    @Test
    void approvingAProposalMovesItFromProposedToCommitted() {
        FundStatus status = fold(with(fund(),
                new BudgetProposed(F, "p1", "P", List.of(new YearAmount(2025, 1000 * KR)), 1000 * KR, null, null, null),
                new BudgetApproved(F, "p1", "P", List.of(new YearAmount(2025, 1000 * KR)), 1000 * KR, null, SPLIT,
                        true, new DecisionRef("m2", "i3"), true)));

        assertThat(status.totals().proposed()).hasToString("0.00");
        assertThat(status.totals().committed()).hasToString("1000.00");
        assertThat(status.budgets()).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo(BudgetStatus.APPROVED);
            assertThat(b.decision()).isEqualTo(new FundStatus.Decision("m2", "i3"));
        });
    }

    @Test
    void adjustmentChangesTheAmountsAndWhatEachOrganisationCommits() {
        FundStatus status = fold(with(fund(), budget("b1", 100_000, 0),
                new BudgetAdjusted(F, "b1", List.of(new YearAmount(2025, 200_000 * KR)),
                        List.of(new YearAmount(2024, 100_000 * KR), new YearAmount(2025, 0)),
                        List.of(new YearAmount(2024, 100_000 * KR), new YearAmount(2025, 200_000 * KR)),
                        100_000 * KR, 300_000 * KR, SPLIT, "forlængelse")));

        assertThat(status.totals().committed()).hasToString("300000.00");
        assertThat(status.budgets().get(0).total()).hasToString("300000.00");
        assertThat(status.budgets().get(0).amounts()).extracting(a -> a.year() + " " + a.amount())
                .containsExactly("2024 100000.00", "2025 200000.00");
        assertThat(org(status, "Viborg").committed()).hasToString("180000.00");
    }

    @Test
    void expenditureCountsForThePayerAndTheBudget() {
        FundStatus status = fold(with(fund(), budget("b1", 100_000, 0),
                new ExpenditureRecorded(F, "e1", "b1", "Skive", 2024, 10_000 * KR, null, SPLIT)));

        assertThat(status.totals().spent()).hasToString("10000.00");
        assertThat(status.budgets().get(0).spent()).hasToString("10000.00");
        assertThat(org(status, "Skive").spent()).hasToString("10000.00");
        assertThat(org(status, "Viborg").spent()).hasToString("0.00");
        assertThat(status.totals().committed()).as("spending does not change what is committed")
                .hasToString("100000.00");
    }

    @Test
    void settlementMakesTheNonPayersPayTheirShare() {
        // Skive paid 10.000 of which Viborg's share is 60 %: Viborg owes Skive 6.000
        FundStatus status = fold(with(fund(), budget("b1", 100_000, 0),
                new ExpenditureRecorded(F, "e1", "b1", "Skive", 2024, 10_000 * KR, null, SPLIT)));

        assertThat(status.settlement()).singleElement().satisfies(s -> {
            assertThat(s.year()).isEqualTo(2024);
            assertThat(s.transfers()).containsExactly(new FundStatus.Transfer("Viborg", "Skive", new Dkk(6000 * KR)));
        });
    }

    @Test
    void settlementNetsOutWhatBothPaid() {
        FundStatus status = fold(with(fund(), budget("b1", 100_000, 0),
                new ExpenditureRecorded(F, "e1", "b1", "Skive", 2024, 10_000 * KR, null, SPLIT),
                new ExpenditureRecorded(F, "e2", "b1", "Viborg", 2024, 5_000 * KR, null, SPLIT)));

        // Skive: paid 10.000, share 6.000 → +4.000; Viborg: paid 5.000, share 9.000 → −4.000
        assertThat(status.settlement().get(0).transfers())
                .containsExactly(new FundStatus.Transfer("Viborg", "Skive", new Dkk(4000 * KR)));
    }

    @Test
    void settlementGreedilyPaysTheLargestCreditorFirst() {
        assertThat(Settlement.transfers(Map.of("A", -700L, "B", -300L, "C", 600L, "D", 400L)))
                .containsExactly(new FundStatus.Transfer("A", "C", new Dkk(600)),
                        new FundStatus.Transfer("B", "D", new Dkk(300)),
                        new FundStatus.Transfer("A", "D", new Dkk(100)));
        assertThat(Settlement.transfers(Map.of("A", 0L))).isEmpty();
    }

    @Test
    void closedBudgetCommitsOnlyWhatItSpent() {
        FundStatus status = fold(with(fund(), budget("b1", 100_000, 50_000),
                new ExpenditureRecorded(F, "e1", "b1", "Skive", 2024, 30_000 * KR, null, SPLIT),
                new BudgetClosed(F, "b1", List.of(new YearAmount(2024, 100_000 * KR), new YearAmount(2025, 50_000 * KR)),
                        List.of(new YearAmount(2024, 30_000 * KR), new YearAmount(2025, 0)), 120_000 * KR, SPLIT,
                        false)));

        assertThat(status.totals().committed()).hasToString("30000.00");
        assertThat(status.totals().remaining()).hasToString("970000.00");
        assertThat(org(status, "Viborg").committed()).hasToString("18000.00");
        assertThat(status.budgets().get(0).status()).isEqualTo(BudgetStatus.CLOSED);
        assertThat(status.budgets().get(0).total()).hasToString("150000.00");
    }

    @Test
    void withdrawnProposalLeavesTheProposedTotal() {
        FundStatus status = fold(with(fund(),
                new BudgetProposed(F, "p1", "P", List.of(new YearAmount(2025, 1000 * KR)), 1000 * KR, null, null, null),
                new BudgetClosed(F, "p1", List.of(new YearAmount(2025, 1000 * KR)), List.of(new YearAmount(2025, 0)),
                        0, null, true)));

        assertThat(status.totals().proposed()).hasToString("0.00");
        assertThat(status.totals().committed()).hasToString("0.00");
        assertThat(status.budgets().get(0).status()).isEqualTo(BudgetStatus.CLOSED);
    }

    @Test
    void jsonHasExactlyTheFieldsOfTheApiWithAmountsAsStrings() throws Exception {
        FundStatus status = fold(with(fund(), budget("b1", 100_000, 0),
                new ExpenditureRecorded(F, "e1", "b1", "Skive", 2024, 10_000 * KR, null, SPLIT)));
        ObjectMapper json = new ObjectMapper();
        JsonNode node = json.valueToTree(status);

        assertThat(fields(node)).containsExactly("fundId", "committeeId", "name", "totals", "byYear",
                "byOrganisation", "budgets", "settlement");
        assertThat(fields(node.get("totals"))).containsExactly("contributed", "committed", "spent", "remaining",
                "proposed", "remainingIfProposedApproved");
        assertThat(fields(node.get("byYear").get(0))).containsExactly("year", "contributed", "committed", "spent",
                "remaining");
        assertThat(fields(node.get("byOrganisation").get(0))).containsExactly("organisation", "contributed",
                "committed", "spent", "remaining", "years");
        assertThat(fields(node.get("byOrganisation").get(0).get("years").get(0))).containsExactly("year",
                "contributed", "committed", "remaining");
        assertThat(fields(node.get("budgets").get(0))).containsExactly("id", "project", "status", "total", "spent",
                "amounts", "responsibleOrganisation", "decision");
        assertThat(fields(node.get("budgets").get(0).get("amounts").get(0))).containsExactly("year", "amount");
        assertThat(fields(node.get("budgets").get(0).get("decision"))).containsExactly("meetingId", "itemId");
        assertThat(fields(node.get("settlement").get(0))).containsExactly("year", "transfers");
        assertThat(fields(node.get("settlement").get(0).get("transfers").get(0))).containsExactly("from", "to",
                "amount");
        assertThat(node.get("totals").get("remaining").isTextual()).isTrue();
        assertThat(node.get("totals").get("remaining").asText()).isEqualTo("900000.00");
        assertThat(node.get("byYear").get(0).get("year").isInt()).isTrue();
        assertThat(node.get("budgets").get(0).get("status").asText()).isEqualTo("APPROVED");

        assertThat(json.treeToValue(node, FundStatus.class)).isEqualTo(status);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
