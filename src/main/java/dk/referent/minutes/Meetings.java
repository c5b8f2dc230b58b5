package dk.referent.minutes;

import org.springframework.stereotype.Component;

import dk.referent.security.Access;
import dk.referent.shared.NotFound;
import dk.referent.view.ViewStore;

/** Which committee a meeting belongs to, and whether the current user may read or edit it. */
@Component
public class Meetings {

    private final ViewStore views;
    private final Access access;

    Meetings(ViewStore views, Access access) {
        this.views = views;
        this.access = access;
    }

    public MinutesView minutes(String meetingId) {
        return views.find(MinutesProjection.NAME, meetingId, MinutesView.class)
                .orElseThrow(() -> new NotFound("No meeting " + meetingId));
    }

    public String committeeOf(String meetingId) {
        return minutes(meetingId).committee().id();
    }

    /** 404 for an unknown meeting, 403 without read access; the audience to serve (null or "open"). */
    public String requireRead(String meetingId) {
        return access.requireRead(committeeOf(meetingId));
    }

    public void requireEdit(String meetingId) {
        access.requireEdit(committeeOf(meetingId));
    }
}
