package dk.referent.fundstatus;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.security.Access;
import dk.referent.shared.NotFound;
import dk.referent.view.ViewStore;

/** Which committee a fund belongs to (from its status), and whether the current user may read or edit it. */
@Component
public class Funds {

    public static final String STATUS = FundStatusProjection.NAME;

    private final ViewStore views;
    private final Access access;

    Funds(ViewStore views, Access access) {
        this.views = views;
        this.access = access;
    }

    /** The fund status as stored, with its version; 404 for an unknown fund. */
    public ObjectNode status(String fundId) {
        return find(fundId).orElseThrow(() -> new NotFound("No fund " + fundId));
    }

    /**
     * The fund status for an audience (null: everything; {@link Access#OPEN}: as an observer may see it). A fund
     * stored before the observers' variant existed is filtered here until its next event stores the variant.
     */
    public ObjectNode status(String fundId, String audience) {
        if (audience == null) {
            return status(fundId);
        }
        return views.json(STATUS, fundId, audience)
                .orElseGet(() -> FundStatusProjection.withoutDecisions(status(fundId)));
    }

    public Optional<ObjectNode> find(String fundId) {
        return views.json(STATUS, fundId, null);
    }

    public String committeeOf(String fundId) {
        return status(fundId).path("committeeId").asText();
    }

    /** 404 for an unknown fund, 403 without read access to its committee; the audience to serve (null or "open"). */
    public String requireRead(String fundId) {
        return access.requireRead(committeeOf(fundId));
    }

    /** 404 for an unknown fund, 403 unless the user is a secretary of its committee. */
    public void requireEdit(String fundId) {
        access.requireEdit(committeeOf(fundId));
    }
}
