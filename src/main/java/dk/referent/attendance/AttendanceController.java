package dk.referent.attendance;

import java.util.HashSet;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.meeting.api.Visibility;
import dk.referent.minutes.Meetings;
import dk.referent.minutes.MinutesView;
import dk.referent.shared.NotFound;
import dk.referent.view.ViewStore;

@RestController
class AttendanceController {

    private final ViewStore views;
    private final Meetings meetings;

    AttendanceController(ViewStore views, Meetings meetings) {
        this.views = views;
        this.meetings = meetings;
    }

    @GetMapping("/api/meetings/{mid}/attendance")
    ObjectNode attendance(@PathVariable String mid) {
        String audience = meetings.requireRead(mid);
        ObjectNode attendance = views.json(AttendanceProjection.NAME, mid, null)
                .orElseThrow(() -> new NotFound("No meeting " + mid));
        return audience == null ? attendance : withoutClosedItemsGuests(attendance, meetings.minutes(mid));
    }

    /**
     * Attendance as an observer may see it: guests who come only for closed items are left out (they are not
     * counted in the totals, which stay as they are).
     */
    static ObjectNode withoutClosedItemsGuests(ObjectNode attendance, MinutesView minutes) {
        Set<String> openGuests = new HashSet<>();
        minutes.items().stream().filter(i -> i.visibility() != Visibility.CLOSED)
                .forEach(i -> i.guests().forEach(g -> openGuests.add(g.id())));
        ArrayNode people = attendance.arrayNode();
        for (JsonNode p : attendance.path("people")) {
            if (!p.path("guest").asBoolean() || openGuests.contains(p.path("personId").asText())) {
                people.add(p);
            }
        }
        attendance.set("people", people);
        return attendance;
    }
}
