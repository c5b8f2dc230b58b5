package dk.referent.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import dk.referent.committee.CommitteeProjection;
import dk.referent.committee.CommitteeView;
import dk.referent.committee.api.AccessRole;
import dk.referent.shared.NotFound;
import dk.referent.view.ViewStore;

/**
 * What the current user may do in a committee: SECRETARY edits, MEMBER reads everything, OBSERVER reads open
 * items only; the admin may do everything. Every controller asks here before it reads or sends anything.
 */
@Component
public class Access {

    /** The audience variant observers read (see the projections' {@code audiences()}). */
    public static final String OPEN = "open";

    private final ViewStore views;

    Access(ViewStore views) {
        this.views = views;
    }

    /** The current user's role in the committee; empty when none (admin counts as SECRETARY). */
    public Optional<AccessRole> role(String committeeId) {
        if (CurrentUser.isAdmin()) {
            return Optional.of(AccessRole.SECRETARY);
        }
        return committee(committeeId).roleOf(CurrentUser.name());
    }

    /** Throws 403 unless the user may edit; 404 for an unknown committee. */
    public void requireEdit(String committeeId) {
        if (role(committeeId).filter(r -> r == AccessRole.SECRETARY).isEmpty()) {
            throw new AccessDeniedException("not a secretary of " + committeeId);
        }
    }

    /**
     * Throws 403 unless the user may read; returns the audience to serve: null for everything, {@link #OPEN}
     * for observers.
     */
    public String requireRead(String committeeId) {
        AccessRole role = role(committeeId).orElseThrow(() -> new AccessDeniedException("no access"));
        return role == AccessRole.OBSERVER ? OPEN : null;
    }

    public void requireAdmin() {
        if (!CurrentUser.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
    }

    private CommitteeView committee(String committeeId) {
        return views.find(CommitteeProjection.NAME, committeeId, CommitteeView.class)
                .orElseThrow(() -> new NotFound("No committee " + committeeId));
    }
}
