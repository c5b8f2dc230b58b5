package dk.referent.attendance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.minutes.Meetings;
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
        meetings.requireRead(mid);
        return views.json(AttendanceProjection.NAME, mid, null).orElseThrow(() -> new NotFound("No meeting " + mid));
    }
}
