package dk.referent.committee.api;

import java.util.Optional;

import dk.referent.shared.NotFound;

/**
 * What other features may ask a committee (as it stands in its event stream, not a read model): whether it
 * exists, who sits in it, who may do what. Every method throws {@link NotFound} for an unknown committee.
 */
public interface Committees {

    /** @throws NotFound when there is no such committee */
    void requireExists(String committeeId);

    /** The member with this id, if the committee has one. */
    Optional<MemberInfo> member(String committeeId, String memberId);

    /** The access role granted to this user in the committee, if any. */
    Optional<AccessRole> access(String committeeId, String username);
}
