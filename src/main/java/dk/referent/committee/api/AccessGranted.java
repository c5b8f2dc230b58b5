package dk.referent.committee.api;

/** {@code previousRole} is null when the user had no access before. */
public record AccessGranted(String committeeId, String username, AccessRole role, AccessRole previousRole) {
}
