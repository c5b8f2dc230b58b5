package dk.referent.fund.api;

public record FundEstablished(String fundId, String committeeId, String name) implements FundEvent {
}
