package dk.referent.committee.api;

public record OrganisationAdded(String committeeId, String organisation) {
}
