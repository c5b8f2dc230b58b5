package dk.referent.live;

import java.security.Principal;
import java.util.Map;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.minutes.Meetings;
import dk.referent.minutes.MinutesProjection;
import dk.referent.fundstatus.Funds;
import dk.referent.meeting.api.Visibility;
import dk.referent.shared.NotFound;
import dk.referent.view.ViewStore;

/**
 * Snapshots on subscribe (/app/meetings/{id}, /app/funds/{id}: the current read model with its version, as the
 * user may see it) and presence updates from clients. Errors go to the user's /user/queue/errors.
 */
@Controller
class LiveController {

    private final ViewStore views;
    private final Meetings meetings;
    private final Funds funds;
    private final Presence presence;

    LiveController(ViewStore views, Meetings meetings, Funds funds, Presence presence) {
        this.views = views;
        this.meetings = meetings;
        this.funds = funds;
        this.presence = presence;
    }

    @SubscribeMapping("/meetings/{meetingId}")
    ObjectNode meetingSnapshot(@DestinationVariable String meetingId) {
        String audience = meetings.requireRead(meetingId);
        return views.json(MinutesProjection.NAME, meetingId, audience)
                .orElseThrow(() -> new NotFound("No meeting " + meetingId));
    }

    @SubscribeMapping("/funds/{fundId}")
    ObjectNode fundSnapshot(@DestinationVariable String fundId) {
        return funds.status(fundId, funds.requireRead(fundId));
    }

    /** {@code {"editingItemId": "…"}} or {@code {"editingItemId": null}} when the user stops editing. */
    @MessageMapping("/meetings/{meetingId}/presence")
    void presence(@DestinationVariable String meetingId, @Payload(required = false) Map<String, Object> body,
                  SimpMessageHeaderAccessor headers, Principal user) {
        String audience = meetings.requireRead(meetingId);
        Object editing = body == null ? null : body.get("editingItemId");
        if (editing != null && meetings.minutes(meetingId).items().stream().noneMatch(i -> i.id().equals(editing)
                && (audience == null || i.visibility() != Visibility.CLOSED))) {
            throw new NotFound("No agenda item " + editing); // nor a message to everyone with any text in it
        }
        presence.editing(meetingId, headers.getSessionId(), user.getName(),
                editing == null ? null : editing.toString());
    }

    @MessageExceptionHandler
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    Map<String, String> error(Exception e) {
        String detail = e instanceof NotFound || e instanceof org.springframework.security.access.AccessDeniedException
                ? e.getMessage() : "The request could not be handled";
        return Map.of("error", detail == null ? "refused" : detail);
    }
}
