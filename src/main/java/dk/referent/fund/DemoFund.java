package dk.referent.fund;

import java.util.ArrayList;
import java.util.List;

import dk.referent.fund.api.AddContribution;
import dk.referent.fund.api.AdjustBudget;
import dk.referent.fund.api.ApproveBudget;
import dk.referent.fund.api.CloseBudget;
import dk.referent.fund.api.EstablishFund;
import dk.referent.fund.api.RecordExpenditure;
import dk.referent.fund.api.YearAmount;
import dk.referent.shared.Money;

/**
 * The cluster funds of the seed minutes (000_e30cf9b4fd179d98.txt, Punkt 8), as the commands that build them, for
 * the demo loader and the tests.
 * <p>
 * From the seed: the five budgets of Tabel 1 (in 1.000 kr.: 1.389, 1.284, 380, 555 and 1.200 over 2023–2025, 4.808
 * in all), of which the 1.389 of "Samarbejdsmodel" is 1.189 approved earlier plus the 0,2 mio. kr. extension into
 * 2025 that Punkt 8 approved (an adjustment); the 1,1 mio. kr. proposal for "dosispakket medicin"; and the pool left:
 * 2,082 mio. kr., 0,982 mio. kr. if the proposal is approved. So the contributions total 6,89 mio. kr.
 * <p>
 * Invented to fit: the contributions per organisation are chosen so that, with every budget split by contributions
 * (the default), each organisation's uncommitted money comes out as in Tabel 2 (Viborg 453, Skive 393, Silkeborg
 * 639, HE Midt 598 thousand kr.; Psykiatrien contributed nothing to this pool and is left out), paid in equal parts
 * for 2023–2026. The responsible organisations, the years of the proposal and a few expenditures (the finished
 * Tele-KOL project spent its budget and is closed, so the totals stay those of the seed) are invented as well.
 */
public final class DemoFund {

    /** The contributing organisations, in the order {@link #commands(String, String, List)} takes their names. */
    public static final List<String> ORGANISATIONS =
            List.of("Viborg Kommune", "Skive Kommune", "Silkeborg Kommune", "Hospitalsenhed Midt");

    public static final String NAME = "Fælles klyngemidler, Midtklyngen";

    private static final long KR = 100;
    /** Each organisation's contributions over the four years, in kroner (6.890.000 kr. in all). */
    private static final long[] CONTRIBUTION_TOTAL_KR = {1_500_000, 1_300_000, 2_115_000, 1_975_000};
    private static final int[] CONTRIBUTION_YEARS = {2023, 2024, 2025, 2026};
    /**
     * How the block grants fall over the years (thousands of kroner of the fund's total per year), shaped like
     * the budgets they pay for, so that no year is committed beyond what it brought in.
     */
    private static final long[] YEAR_WEIGHTS = {1_500, 2_900, 1_490, 1_000};

    private DemoFund() {
    }

    /** The commands with the organisation names of {@link #ORGANISATIONS}. */
    public static List<Object> commands(String fundId, String committeeId) {
        return commands(fundId, committeeId, ORGANISATIONS);
    }

    /**
     * The commands that build the seed's fund, in order: establish, contributions, budgets, the adjustment, the
     * proposal, expenditures, a closure. {@code organisations} names Viborg, Skive, Silkeborg and HE Midt as the
     * committee spells them, in that order.
     */
    public static List<Object> commands(String fundId, String committeeId, List<String> organisations) {
        if (organisations.size() != ORGANISATIONS.size()) {
            throw new IllegalArgumentException("name the four organisations " + ORGANISATIONS);
        }
        String viborg = organisations.get(0);
        String skive = organisations.get(1);
        String silkeborg = organisations.get(2);
        String heMidt = organisations.get(3);

        List<Object> commands = new ArrayList<>();
        commands.add(new EstablishFund(fundId, committeeId, NAME));
        long[][] byYear = new long[organisations.size()][];
        for (int i = 0; i < organisations.size(); i++) {
            byYear[i] = Money.allocate(CONTRIBUTION_TOTAL_KR[i] * KR, YEAR_WEIGHTS);
        }
        for (int y = 0; y < CONTRIBUTION_YEARS.length; y++) {
            int year = CONTRIBUTION_YEARS[y];
            for (int i = 0; i < organisations.size(); i++) {
                commands.add(new AddContribution(fundId, "contribution-" + year + "-" + (i + 1),
                        organisations.get(i), year, byYear[i][y]));
            }
        }
        commands.add(budget(fundId, "samarbejdsmodel",
                "Samarbejdsmodel – børn og unge i psykisk mistrivsel", silkeborg, false, 2023, 223_000, 2024, 966_000));
        commands.add(budget(fundId, "udskrivningsterapeuter",
                "Styrket udskrivning – udskrivningsterapeuter", heMidt, false, 2023, 680_000, 2024, 604_000));
        commands.add(budget(fundId, "telekol",
                "Forberedelse til implementering af Tele-KOL", heMidt, false, 2023, 244_000, 2024, 136_000));
        commands.add(budget(fundId, "fasttrack",
                "Fast track – hospitalsbehandling i eget hjem", heMidt, false, 2023, 135_000, 2024, 420_000));
        commands.add(budget(fundId, "fact",
                "FACT", viborg, false, 2023, 0, 2024, 600_000, 2025, 600_000));
        commands.add(new AdjustBudget(fundId, "samarbejdsmodel", List.of(new YearAmount(2025, 200_000 * KR)),
                "Forlængelse af projektet med 3 mdr. ind i 2025 (punkt 8)"));
        commands.add(budget(fundId, "dosispakket-medicin",
                "Udbredelse af dosispakket medicin", skive, true, 2025, 550_000, 2026, 550_000));
        commands.add(new RecordExpenditure(fundId, "telekol-2023", "telekol", heMidt, 2023, 244_000 * KR,
                "Projektledelse og afrapportering"));
        commands.add(new RecordExpenditure(fundId, "telekol-2024-he", "telekol", heMidt, 2024, 100_000 * KR,
                "Projektledelse"));
        commands.add(new RecordExpenditure(fundId, "telekol-2024-viborg", "telekol", viborg, 2024, 36_000 * KR,
                "Kommunal deltagelse"));
        commands.add(new CloseBudget(fundId, "telekol"));
        commands.add(new RecordExpenditure(fundId, "udskrivningsterapeuter-2023", "udskrivningsterapeuter", heMidt,
                2023, 680_000 * KR, "Udskrivningsterapeuter 2023"));
        commands.add(new RecordExpenditure(fundId, "samarbejdsmodel-2023", "samarbejdsmodel", silkeborg, 2023,
                223_000 * KR, "Projektleder 2023"));
        return commands;
    }

    private static ApproveBudget budget(String fundId, String id, String project, String responsible, boolean proposed,
                                        long... yearAndThousands) {
        List<YearAmount> amounts = new ArrayList<>();
        for (int i = 0; i < yearAndThousands.length; i += 2) {
            amounts.add(new YearAmount((int) yearAndThousands[i], yearAndThousands[i + 1] * KR));
        }
        return new ApproveBudget(fundId, id, project, amounts, responsible, null, null, proposed);
    }
}
