package dk.referent.committee.api;

/** {@code name} is null for a vacancy. */
public record MemberAdded(String committeeId, String memberId, String name, String title, String organisation,
                          CommitteeRole role) {
}
