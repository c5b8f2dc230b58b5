package dk.referent.attendance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dk.referent.attendance.AttendanceView.OrganisationCount;
import dk.referent.attendance.AttendanceView.Person;
import dk.referent.committee.api.MemberAdded;
import dk.referent.meeting.api.ApologyRegistered;
import dk.referent.meeting.api.ApologyWithdrawn;
import dk.referent.meeting.api.AttendanceRecorded;
import dk.referent.meeting.api.EarlyDepartureRecorded;
import dk.referent.meeting.api.GuestInvited;
import dk.referent.meeting.api.MeetingScheduled;
import dk.referent.minutes.MinutesProjection;
import dk.referent.minutes.MinutesView;
import dk.referent.view.Projection;
import dk.referent.view.ViewLookup;

/**
 * Attendance per meeting, counted from the minutes' participants and guests (the minutes projection runs
 * first, so it already holds this event). Only events that can change attendance count as applied.
 */
@Component
@Order(30)
public class AttendanceProjection implements Projection<AttendanceView> {

    public static final String NAME = "attendance";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AttendanceView> viewClass() {
        return AttendanceView.class;
    }

    @Override
    public Map<String, String> refs(AttendanceView view) {
        return Map.of("committeeId", view.committeeId());
    }

    @Override
    public Set<String> targets(EventMessage<?> event, ViewLookup views) {
        Object e = event.getPayload();
        if (e instanceof MemberAdded m) {
            Set<String> ids = new LinkedHashSet<>();
            for (String id : views.idsWhere(NAME, "committeeId", m.committeeId())) {
                // the minutes decide whether a new member joins this meeting's roster
                views.find(MinutesProjection.NAME, id, MinutesView.class)
                        .filter(v -> v.participants().stream().anyMatch(p -> p.personId().equals(m.memberId())))
                        .ifPresent(v -> ids.add(id));
            }
            return ids;
        }
        if (e instanceof MeetingScheduled s) {
            return Set.of(s.meetingId());
        } else if (e instanceof GuestInvited g) {
            return Set.of(g.meetingId());
        } else if (e instanceof ApologyRegistered a) {
            return Set.of(a.meetingId());
        } else if (e instanceof ApologyWithdrawn a) {
            return Set.of(a.meetingId());
        } else if (e instanceof AttendanceRecorded a) {
            return Set.of(a.meetingId());
        } else if (e instanceof EarlyDepartureRecorded d) {
            return Set.of(d.meetingId());
        }
        return Set.of();
    }

    @Override
    public AttendanceView apply(String id, AttendanceView current, EventMessage<?> event, ViewLookup views) {
        MinutesView minutes = views.find(MinutesProjection.NAME, id, MinutesView.class)
                .orElseThrow(() -> new IllegalStateException("attendance of a meeting without minutes: " + id));
        return count(minutes);
    }

    static AttendanceView count(MinutesView minutes) {
        List<Person> people = new ArrayList<>();
        Map<String, int[]> byOrg = new LinkedHashMap<>();
        int expected = 0;
        int inRoom = 0;
        int virtual = 0;
        int apologies = 0;
        int absent = 0;
        for (MinutesView.Participant p : minutes.participants()) {
            if (p.vacancy()) {
                continue;
            }
            people.add(new Person(p.personId(), p.name(), p.title(), p.organisation(), p.role(), p.attendance(),
                    false, p.apologyReason(), p.leftEarly()));
            int[] org = byOrg.computeIfAbsent(p.organisation() == null ? "" : p.organisation(), k -> new int[3]);
            expected++;
            org[0]++;
            switch (p.attendance()) {
                case "IN_ROOM" -> {
                    inRoom++;
                    org[1]++;
                }
                case "VIRTUAL" -> {
                    virtual++;
                    org[1]++;
                }
                case "APOLOGY" -> {
                    apologies++;
                    org[2]++;
                }
                case "ABSENT" -> absent++;
                default -> {
                }
            }
        }
        Set<String> guestsSeen = new LinkedHashSet<>();
        for (MinutesView.Item item : minutes.items()) {
            for (MinutesView.Guest g : item.guests()) {
                if (guestsSeen.add(g.id())) {
                    people.add(new Person(g.id(), g.name(), g.title(), g.organisation(), "GUEST", g.attendance(),
                            true, null, g.leftEarly()));
                }
            }
        }
        List<OrganisationCount> orgs = new ArrayList<>();
        byOrg.forEach((name, c) -> orgs.add(new OrganisationCount(name, c[0], c[1], c[2])));
        return new AttendanceView(minutes.meetingId(), minutes.committee().id(), expected, inRoom, virtual,
                apologies, absent, orgs, people);
    }
}
