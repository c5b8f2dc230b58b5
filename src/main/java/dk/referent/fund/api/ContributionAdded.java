package dk.referent.fund.api;

public record ContributionAdded(String fundId, String contributionId, String organisation, int year, long amountOre)
        implements FundEvent {
}
