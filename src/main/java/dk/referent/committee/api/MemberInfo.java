package dk.referent.committee.api;

/** A seat in a committee as the committee knows it; {@code name} is null for a vacancy. */
public record MemberInfo(String memberId, String name, String title, String organisation, CommitteeRole role) {

    public boolean vacant() {
        return name == null;
    }
}
