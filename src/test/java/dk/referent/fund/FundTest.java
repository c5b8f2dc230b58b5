package dk.referent.fund;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import dk.referent.shared.NotFound;
import dk.referent.shared.RuleViolation;

class FundTest {

    private static final String F = "fund-1";
    private static final long KR = 100;

    private FixtureConfiguration<Fund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Fund.class);
    }

    private static FundEstablished established() {
        return new FundEstablished(F, "committee-1", "Klyngemidler");
    }

    private static ContributionAdded contribution(String id, String org, int year, long kr) {
        return new ContributionAdded(F, id, org, year, kr * KR);
    }

    /** Viborg 600.000 kr., Skive 400.000 kr.: 1.000.000 kr. in all. */
    private static Object[] fundOfOneMillion() {
        return new Object[] {established(), contribution("c1", "Viborg", 2024, 600_000),
                contribution("c2", "Skive", 2024, 400_000)};
    }

    private static final List<CostShare> BY_CONTRIBUTIONS =
            List.of(new CostShare("Skive", 40_000_000L), new CostShare("Viborg", 60_000_000L));

    private static BudgetApproved approved(String id, long kr2024, long kr2025) {
        return new BudgetApproved(F, id, "Projekt " + id,
                List.of(new YearAmount(2024, kr2024 * KR), new YearAmount(2025, kr2025 * KR)),
                (kr2024 + kr2025) * KR, "Viborg", BY_CONTRIBUTIONS, true, null, false);
    }

    private static ApproveBudget approve(String id, long kr2024, long kr2025) {
        return new ApproveBudget(F, id, "Projekt " + id,
                List.of(new YearAmount(2024, kr2024 * KR), new YearAmount(2025, kr2025 * KR)), "Viborg", null,
                null, false);
    }

    @Test
    void establishesAFund() {
        fixture.givenNoPriorActivity()
                .when(new EstablishFund(F, "committee-1", " Klyngemidler "))
                .expectEvents(established());
    }

    @Test
    void fundNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new EstablishFund(F, "committee-1", " "))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void addsAContributionAndReturnsTheNewVersion() {
        fixture.given(established())
                .when(new AddContribution(F, "c1", "Viborg", 2024, 600_000 * KR))
                .expectEvents(contribution("c1", "Viborg", 2024, 600_000))
                .expectResultMessagePayload(2L);
    }

    @Test
    void numbersAContributionThatHasNoId() {
        fixture.given(established(), contribution("x", "Viborg", 2024, 1))
                .when(new AddContribution(F, null, "Skive", 2024, 5 * KR))
                .expectEvents(contribution("contribution-2", "Skive", 2024, 5));
    }

    @Test
    void contributionMustBePositive() {
        fixture.given(established())
                .when(new AddContribution(F, "c1", "Viborg", 2024, 0))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void defaultSplitFollowsContributions() {
        fixture.given(fundOfOneMillion())
                .when(approve("b1", 100_000, 50_000))
                .expectEvents(approved("b1", 100_000, 50_000))
                .expectResultMessagePayload(4L);
    }

    @Test
    void explicitSplitIsResolvedToExactWeights() {
        fixture.given(fundOfOneMillion())
                .when(new ApproveBudget(F, "b1", "Projekt", List.of(new YearAmount(2024, 300 * KR)), null,
                        List.of(new Share("Viborg", new BigDecimal("0.75")), new Share("Skive", new BigDecimal("0.25"))),
                        new DecisionRef("m1", "i8"), false))
                .expectEvents(new BudgetApproved(F, "b1", "Projekt", List.of(new YearAmount(2024, 300 * KR)),
                        300 * KR, null, List.of(new CostShare("Viborg", 75), new CostShare("Skive", 25)), false,
                        new DecisionRef("m1", "i8"), false));
    }

    @Test
    void cannotApproveBudgetBeyondRemainingFunds() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 400_000, 0))
                .when(approve("b2", 500_000, 200_000))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The fund has 600.000,00 kr. left; the budget needs 700.000,00 kr.")
                .expectNoEvents();
    }

    @Test
    void budgetMayUseExactlyWhatIsLeft() {
        fixture.given(fundOfOneMillion())
                .when(approve("b1", 600_000, 400_000))
                .expectEvents(approved("b1", 600_000, 400_000));
    }

    @Test
    void fundsAreCheckedInTotalNotPerYear() {
        // all the money was contributed for 2024, yet a budget may commit it in 2025
        fixture.given(fundOfOneMillion())
                .when(approve("b1", 0, 900_000))
                .expectEvents(approved("b1", 0, 900_000));
    }

    @Test
    void splitSharesMustAddUpToExactlyOne() {
        fixture.given(fundOfOneMillion())
                .when(new ApproveBudget(F, "b1", "P", List.of(new YearAmount(2024, KR)), null,
                        List.of(new Share("Viborg", new BigDecimal("0.333")),
                                new Share("Skive", new BigDecimal("0.666"))), null, false))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("the shares add up to 0.999, not 1")
                .expectNoEvents();
    }

    @Test
    void splitSharesMustNotBeNegative() {
        fixture.given(fundOfOneMillion())
                .when(new ApproveBudget(F, "b1", "P", List.of(new YearAmount(2024, KR)), null,
                        List.of(new Share("Viborg", new BigDecimal("1.5")), new Share("Skive", new BigDecimal("-0.5"))),
                        null, false))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void splitMayOnlyNameContributors() {
        fixture.given(fundOfOneMillion())
                .when(new ApproveBudget(F, "b1", "P", List.of(new YearAmount(2024, KR)), null,
                        List.of(new Share("Silkeborg", BigDecimal.ONE)), null, false))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("Silkeborg has not contributed to the fund")
                .expectNoEvents();
    }

    @Test
    void budgetAmountsMustNotBeNegative() {
        fixture.given(fundOfOneMillion())
                .when(approve("b1", 100, -50))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void budgetIdsAreUnique() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 1, 1))
                .when(approve("b1", 1, 1))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void proposalCommitsNothingEvenBeyondWhatIsLeft() {
        fixture.given(fundOfOneMillion())
                .when(new ApproveBudget(F, "p1", "Dosispakket medicin", List.of(new YearAmount(2025, 2_000_000 * KR)),
                        null, null, null, true))
                .expectEvents(new BudgetProposed(F, "p1", "Dosispakket medicin",
                        List.of(new YearAmount(2025, 2_000_000 * KR)), 2_000_000 * KR, null, null, null));
    }

    @Test
    void approvingAProposalResolvesTheSplitByContributionsThen() {
        fixture.given(fundOfOneMillion())
                .andGiven(new BudgetProposed(F, "p1", "Projekt p1", List.of(new YearAmount(2024, 100 * KR)),
                        100 * KR, "Viborg", null, new DecisionRef("m1", "i1")))
                .when(new ApproveProposedBudget(F, "p1", new DecisionRef("m2", "i3")))
                .expectEvents(new BudgetApproved(F, "p1", "Projekt p1", List.of(new YearAmount(2024, 100 * KR)),
                        100 * KR, "Viborg", BY_CONTRIBUTIONS, true, new DecisionRef("m2", "i3"), true));
    }

    @Test
    void cannotApproveProposalBeyondRemainingFunds() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 500_000, 0),
                        new BudgetProposed(F, "p1", "P", List.of(new YearAmount(2024, 600_000 * KR)), 600_000 * KR,
                                null, null, null))
                .when(new ApproveProposedBudget(F, "p1", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The fund has 500.000,00 kr. left; the budget needs 600.000,00 kr.")
                .expectNoEvents();
    }

    @Test
    void onlyAProposalCanBeApproved() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 1, 0))
                .when(new ApproveProposedBudget(F, "b1", null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void unknownBudgetIsNotFound() {
        fixture.given(fundOfOneMillion())
                .when(new CloseBudget(F, "nope"))
                .expectException(NotFound.class);
    }

    @Test
    void adjustmentExtendsABudget() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100_000, 0))
                .when(new AdjustBudget(F, "b1", List.of(new YearAmount(2026, 200_000 * KR)), "3 mdr. forlængelse"))
                .expectEvents(new BudgetAdjusted(F, "b1", List.of(new YearAmount(2026, 200_000 * KR)),
                        List.of(new YearAmount(2024, 100_000 * KR), new YearAmount(2025, 0)),
                        List.of(new YearAmount(2024, 100_000 * KR), new YearAmount(2025, 0),
                                new YearAmount(2026, 200_000 * KR)),
                        100_000 * KR, 300_000 * KR, BY_CONTRIBUTIONS, "3 mdr. forlængelse"));
    }

    @Test
    void cannotAdjustBudgetBeyondRemainingFunds() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 900_000, 0))
                .when(new AdjustBudget(F, "b1", List.of(new YearAmount(2025, 200_000 * KR)), "mere"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The fund has 100.000,00 kr. left; the adjustment needs 200.000,00 kr.")
                .expectNoEvents();
    }

    @Test
    void adjustmentCannotGoBelowSpent() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100_000, 0),
                        new ExpenditureRecorded(F, "e1", "b1", "Viborg", 2024, 80_000 * KR, null, BY_CONTRIBUTIONS))
                .when(new AdjustBudget(F, "b1", List.of(new YearAmount(2024, -30_000 * KR)), "mindre"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The budget has spent 80.000,00 kr. in 2024; the adjustment would leave"
                        + " 70.000,00 kr. for that year")
                .expectNoEvents();
    }

    @Test
    void adjustmentNeedsAReason() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100_000, 0))
                .when(new AdjustBudget(F, "b1", List.of(new YearAmount(2024, -KR)), " "))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void recordsAnExpenditureWithTheBudgetsSplit() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100_000, 0))
                .when(new RecordExpenditure(F, "e1", "b1", "Skive", 2024, 25_000 * KR, "Projektleder"))
                .expectEvents(new ExpenditureRecorded(F, "e1", "b1", "Skive", 2024, 25_000 * KR, "Projektleder",
                        BY_CONTRIBUTIONS))
                .expectResultMessagePayload(5L);
    }

    @Test
    void expenditureCannotExceedWhatTheBudgetHasLeftForTheYear() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100_000, 50_000),
                        new ExpenditureRecorded(F, "e1", "b1", "Viborg", 2024, 90_000 * KR, null, BY_CONTRIBUTIONS))
                .when(new RecordExpenditure(F, "e2", "b1", "Viborg", 2024, 20_000 * KR, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The budget has 10.000,00 kr. left for 2024; the expenditure is 20.000,00 kr.")
                .expectNoEvents();
    }

    @Test
    void noExpenditureOnAProposal() {
        fixture.given(fundOfOneMillion())
                .andGiven(new BudgetProposed(F, "p1", "P", List.of(new YearAmount(2024, 100 * KR)), 100 * KR, null,
                        null, null))
                .when(new RecordExpenditure(F, "e1", "p1", "Viborg", 2024, KR, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void noExpenditureOnAClosedBudget() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100, 0),
                        new BudgetClosed(F, "b1", List.of(new YearAmount(2024, 100 * KR), new YearAmount(2025, 0)),
                                List.of(new YearAmount(2024, 0), new YearAmount(2025, 0)), 100 * KR, BY_CONTRIBUTIONS,
                                false))
                .when(new RecordExpenditure(F, "e1", "b1", "Viborg", 2024, KR, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void expenditureIsPaidByAContributor() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100, 0))
                .when(new RecordExpenditure(F, "e1", "b1", "Aarhus", 2024, KR, null))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void closingReleasesWhatWasNotSpent() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100_000, 50_000),
                        new ExpenditureRecorded(F, "e1", "b1", "Viborg", 2024, 70_000 * KR, null, BY_CONTRIBUTIONS))
                .when(new CloseBudget(F, "b1"))
                .expectEvents(new BudgetClosed(F, "b1",
                        List.of(new YearAmount(2024, 100_000 * KR), new YearAmount(2025, 50_000 * KR)),
                        List.of(new YearAmount(2024, 70_000 * KR), new YearAmount(2025, 0)), 80_000 * KR,
                        BY_CONTRIBUTIONS, false));
    }

    @Test
    void closedBudgetCommitsOnlyWhatItSpent() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 900_000, 0),
                        new ExpenditureRecorded(F, "e1", "b1", "Viborg", 2024, 300_000 * KR, null, BY_CONTRIBUTIONS),
                        new BudgetClosed(F, "b1", List.of(new YearAmount(2024, 900_000 * KR), new YearAmount(2025, 0)),
                                List.of(new YearAmount(2024, 300_000 * KR), new YearAmount(2025, 0)), 600_000 * KR,
                                BY_CONTRIBUTIONS, false))
                .when(approve("b2", 700_000, 0))
                .expectEvents(approved("b2", 700_000, 0));
    }

    @Test
    void closingAProposalWithdrawsIt() {
        fixture.given(fundOfOneMillion())
                .andGiven(new BudgetProposed(F, "p1", "P", List.of(new YearAmount(2024, 100 * KR)), 100 * KR, null,
                        null, null))
                .when(new CloseBudget(F, "p1"))
                .expectEvents(new BudgetClosed(F, "p1", List.of(new YearAmount(2024, 100 * KR)),
                        List.of(new YearAmount(2024, 0)), 0, null, true));
    }

    @Test
    void cannotCloseTwice() {
        fixture.given(fundOfOneMillion())
                .andGiven(approved("b1", 100, 0),
                        new BudgetClosed(F, "b1", List.of(new YearAmount(2024, 100 * KR), new YearAmount(2025, 0)),
                                List.of(new YearAmount(2024, 0), new YearAmount(2025, 0)), 100 * KR, BY_CONTRIBUTIONS,
                                false))
                .when(new CloseBudget(F, "b1"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
