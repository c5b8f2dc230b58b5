package dk.referent.committee;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dk.referent.committee.api.AccessGranted;
import dk.referent.committee.api.CommitteeCreated;
import dk.referent.committee.api.MemberAdded;
import dk.referent.committee.api.OrganisationAdded;
import dk.referent.view.Projection;
import dk.referent.view.ViewLookup;

/** Committees with their organisations, members and access; first in line, as the others look it up. */
@Component
@Order(10)
public class CommitteeProjection implements Projection<CommitteeView> {

    public static final String NAME = "committee";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CommitteeView> viewClass() {
        return CommitteeView.class;
    }

    @Override
    public Set<String> targets(EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof CommitteeCreated c) {
            return Set.of(c.committeeId());
        } else if (e instanceof OrganisationAdded o) {
            return Set.of(o.committeeId());
        } else if (e instanceof MemberAdded m) {
            return Set.of(m.committeeId());
        } else if (e instanceof AccessGranted a) {
            return Set.of(a.committeeId());
        }
        return Set.of();
    }

    @Override
    public CommitteeView apply(String id, CommitteeView current, EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof CommitteeCreated c) {
            return new CommitteeView(c.committeeId(), c.name(), List.copyOf(c.organisations()), List.of(), List.of());
        } else if (e instanceof OrganisationAdded o) {
            return current.withOrganisation(o.organisation());
        } else if (e instanceof MemberAdded m) {
            return current.withMember(new CommitteeView.Member(m.memberId(), blankToNull(m.name()), m.title(),
                    m.organisation(), m.role(), blankToNull(m.name()) == null));
        } else if (e instanceof AccessGranted a) {
            return current.withAccess(a.username(), a.role());
        }
        return current;
    }

    @Override
    public Map<String, String> refs(CommitteeView view) {
        return Map.of();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
