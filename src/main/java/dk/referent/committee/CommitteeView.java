package dk.referent.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.referent.committee.api.AccessRole;
import dk.referent.committee.api.CommitteeRole;

/** The committee as GET /api/committees/{id} shows it. */
public record CommitteeView(String id, String name, List<String> organisations, List<Member> members,
                            List<Access> access) {

    /** {@code name} null is a vacancy. */
    public record Member(String id, String name, String title, String organisation, CommitteeRole role,
                         boolean vacancy) {
    }

    public record Access(String username, AccessRole role) {
    }

    public Optional<Member> member(String memberId) {
        return members.stream().filter(m -> m.id().equals(memberId)).findFirst();
    }

    public Optional<AccessRole> roleOf(String username) {
        return access.stream().filter(a -> a.username().equals(username)).map(Access::role).findFirst();
    }

    CommitteeView withOrganisation(String organisation) {
        List<String> os = new ArrayList<>(organisations);
        os.add(organisation);
        return new CommitteeView(id, name, os, members, access);
    }

    CommitteeView withMember(Member member) {
        List<Member> ms = new ArrayList<>(members);
        ms.add(member);
        return new CommitteeView(id, name, organisations, ms, access);
    }

    CommitteeView withAccess(String username, AccessRole role) {
        List<Access> as = new ArrayList<>(access.stream().filter(a -> !a.username().equals(username)).toList());
        as.add(new Access(username, role));
        return new CommitteeView(id, name, organisations, members, as);
    }
}
