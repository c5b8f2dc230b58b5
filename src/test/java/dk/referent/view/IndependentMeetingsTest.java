package dk.referent.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.referent.attendance.AttendanceProjection;
import dk.referent.committee.CommitteeProjection;
import dk.referent.demo.DemoMeeting;
import dk.referent.fund.DemoFund;
import dk.referent.meeting.api.MeetingEvent;
import dk.referent.minutes.DecisionHistoryProjection;
import dk.referent.minutes.MinutesProjection;

/**
 * The claim the embedded store's tail relies on when it lets the events of one meeting pass an append of another
 * meeting still under way (TailingStorageStrategy, "independent aggregates"): a meeting's events write only that
 * meeting's views and read besides only committee views, which no meeting event writes. So the events of two
 * meetings give the same views in either order. Checked for every event of the demo meeting, with every
 * projection, against views folded from the demo committee, meeting and fund.
 */
class IndependentMeetingsTest {

    private final List<Projection<?>> projections = List.of(new CommitteeProjection(), new MinutesProjection(),
            new AttendanceProjection(), new DecisionHistoryProjection(), (Projection<?>) make("dk.referent.fundstatus.FundStatusProjection"));

    /** Package-private in their packages: made the way Spring makes them. */
    private static Object make(String className) {
        try {
            var constructor = Class.forName(className).getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> type(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMeetingsEventsWriteOnlyItsOwnViewsAndReadOnlyThoseAndCommitteeViews() {
        List<EventMessage<?>> events = demoEvents();
        assertThat(events).filteredOn(e -> e.getPayload() instanceof MeetingEvent).hasSizeGreaterThan(30);
        List<Watched<?>> watched = projections.stream().<Watched<?>>map(Watched::new).toList();
        InMemoryViews views = new InMemoryViews(List.copyOf(watched), new ObjectMapper().findAndRegisterModules());
        events.forEach(views::apply);
        assertThat(watched.stream().mapToInt(w -> w.written).sum()).as("views meeting events wrote")
                .isGreaterThan(30);
    }

    /** A projection whose reads and writes for a meeting's events are checked as it runs. */
    private static final class Watched<V> implements Projection<V> {
        private final Projection<V> projection;
        private int written;

        Watched(Projection<V> projection) {
            this.projection = projection;
        }

        @Override
        public String name() {
            return projection.name();
        }

        @Override
        public Class<V> viewClass() {
            return projection.viewClass();
        }

        @Override
        public Map<String, String> refs(V view) {
            return projection.refs(view);
        }

        @Override
        public Set<String> targets(EventMessage<?> event, ViewLookup views) {
            if (!(event.getPayload() instanceof MeetingEvent m)) {
                return projection.targets(event, views);
            }
            Recording reads = new Recording(views);
            Set<String> targets = projection.targets(event, reads);
            for (String id : targets) {
                assertThat(ownedBy(id, m.meetingId())).as("%s writes %s for %s", name(), id, what(event)).isTrue();
            }
            check(reads, m.meetingId(), event);
            return targets;
        }

        @Override
        public V apply(String id, V current, EventMessage<?> event, ViewLookup views) {
            if (!(event.getPayload() instanceof MeetingEvent m)) {
                return projection.apply(id, current, event, views);
            }
            Recording reads = new Recording(views);
            V view = projection.apply(id, current, event, reads);
            check(reads, m.meetingId(), event);
            written++;
            return view;
        }

        private void check(Recording reads, String meetingId, EventMessage<?> event) {
            for (String read : reads.read) {
                String[] at = read.split(" ", 2);
                assertThat(at[0].equals(CommitteeProjection.NAME) || ownedBy(at[1], meetingId))
                        .as("%s reads %s for %s", name(), read, what(event)).isTrue();
            }
        }

        private static String what(EventMessage<?> event) {
            return event.getPayloadType().getSimpleName();
        }
    }

    private static boolean ownedBy(String viewId, String meetingId) {
        return viewId.equals(meetingId) || viewId.startsWith(meetingId + "/");
    }

    /** What a projection looked at: "projection id", and any search ("projection *"). */
    private static final class Recording implements ViewLookup {
        private final ViewLookup views;
        private final List<String> read = new ArrayList<>();

        Recording(ViewLookup views) {
            this.views = views;
        }

        @Override
        public <V> Optional<V> find(String projectionName, String id, Class<V> viewClass) {
            read.add(projectionName + " " + id);
            return views.find(projectionName, id, viewClass);
        }

        @Override
        public Set<String> idsWhere(String projectionName, String ref, String value) {
            read.add(projectionName + " *");
            return views.idsWhere(projectionName, ref, value);
        }
    }

    /** The demo committee, meeting and fund, through the real aggregates, in the order they were stamped. */
    private static List<EventMessage<?>> demoEvents() {
        Configuration config = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(type("dk.referent.committee.Committee"))
                .configureAggregate(type("dk.referent.meeting.Meeting"))
                .registerComponent(dk.referent.meeting.DecisionLog.class, c ->
                        new dk.referent.meeting.DecisionLog(c.eventStore()))
                .configureAggregate(type("dk.referent.fund.Fund"))
                .buildConfiguration();
        config.start();
        try {
            DemoMeeting.commands().forEach(c -> config.commandGateway().sendAndWait(c));
            String fundId = "demo-fund-" + System.nanoTime();
            DemoFund.commands(fundId, DemoMeeting.COMMITTEE_ID).forEach(c -> config.commandGateway().sendAndWait(c));
            return Stream.of(DemoMeeting.COMMITTEE_ID, DemoMeeting.MEETING_ID, fundId)
                    .flatMap(id -> config.eventStore().readEvents(id).asStream())
                    .sorted(Comparator.comparing(EventMessage::getTimestamp))
                    .<EventMessage<?>>map(e -> e)
                    .toList();
        } finally {
            config.shutdown();
        }
    }
}
