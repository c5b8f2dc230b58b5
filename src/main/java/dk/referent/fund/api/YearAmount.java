package dk.referent.fund.api;

/** An amount for one year, in whole øre (may be negative only where a change is meant, as in an adjustment). */
public record YearAmount(int year, long amountOre) {
}
