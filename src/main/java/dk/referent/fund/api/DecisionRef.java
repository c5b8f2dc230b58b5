package dk.referent.fund.api;

/** The agenda item whose decision approved (or proposed) a budget. */
public record DecisionRef(String meetingId, String itemId) {
}
