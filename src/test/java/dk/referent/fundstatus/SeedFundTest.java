package dk.referent.fundstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import dk.referent.fund.DemoFund;
import dk.referent.fund.FundHarness;
import dk.referent.fundstatus.FundStatus.OrganisationLine;

/** The fund of the seed minutes (Punkt 8), built by {@link DemoFund}'s commands through the real aggregate. */
class SeedFundTest {

    private static List<? extends DomainEventMessage<?>> seedEvents() {
        try (FundHarness harness = new FundHarness()) {
            DemoFund.commands("fund-seed", "committee-midt").forEach(harness::send);
            return harness.events("fund-seed");
        }
    }

    private static FundStatus seedStatus() {
        return FundStatusFolding.fold("fund-seed", seedEvents());
    }

    @Test
    void seedFundShowsTheFiguresOfPunkt8() {
        FundStatus status = seedStatus();

        assertThat(status.totals().contributed()).hasToString("6890000.00");
        assertThat(status.totals().committed()).hasToString("4808000.00");
        assertThat(status.totals().remaining()).hasToString("2082000.00");
        assertThat(status.totals().proposed()).hasToString("1100000.00");
        assertThat(status.totals().remainingIfProposedApproved()).hasToString("982000.00");
    }

    @Test
    void seedFundCommitsPerYearAsTabel1() {
        FundStatus status = seedStatus();

        assertThat(status.byYear()).extracting(y -> y.year() + " " + y.committed())
                .containsExactly("2023 1282000.00", "2024 2726000.00", "2025 800000.00", "2026 0.00");
        assertThat(status.budgets()).extracting(b -> b.id() + " " + b.total() + " " + b.status())
                .containsExactly("samarbejdsmodel 1389000.00 APPROVED", "udskrivningsterapeuter 1284000.00 APPROVED",
                        "telekol 380000.00 CLOSED", "fasttrack 555000.00 APPROVED", "fact 1200000.00 APPROVED",
                        "dosispakket-medicin 1100000.00 PROPOSED");
    }

    @Test
    void seedFundLeavesEachOrganisationAboutWhatTabel2Shows() {
        FundStatus status = seedStatus();

        assertThat(status.byOrganisation()).extracting(OrganisationLine::organisation)
                .containsExactly("Hospitalsenhed Midt", "Silkeborg Kommune", "Skive Kommune", "Viborg Kommune");
        // Tabel 2, in 1.000 kr.: HE Midt 598, Silkeborg 639, Skive 393, Viborg 453 (rounded in the seed)
        assertThat(status.byOrganisation()).extracting(o -> Math.round(o.remaining().ore() / 100_000.0))
                .containsExactly(597L, 639L, 393L, 453L);
        long sum = status.byOrganisation().stream().mapToLong(o -> o.remaining().ore()).sum();
        assertThat(sum).isEqualTo(status.totals().remaining().ore());
    }

    @Test
    void seedFundSettlesTheYearsWithExpenditures() {
        var events = seedEvents();
        FundStatus status = FundStatusFolding.fold("fund-seed", events);

        assertThat(status.settlement()).extracting(FundStatus.SettlementYear::year).containsExactly(2023, 2024);
        SettlementProperties.assertTransfersEvenOut(status, events);
        SettlementProperties.assertMoneyAddsUp(status);
    }
}
