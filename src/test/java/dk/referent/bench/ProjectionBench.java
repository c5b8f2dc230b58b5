package dk.referent.bench;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dk.referent.committee.CommitteeProjection;
import dk.referent.demo.DemoMeeting;
import dk.referent.meeting.api.DecisionRecorded;
import dk.referent.meeting.api.Outcome;
import dk.referent.minutes.DecisionHistoryProjection;
import dk.referent.minutes.MinutesProjection;
import dk.referent.store.EmbeddedMongo;
import dk.referent.store.StoreInfo;
import dk.referent.view.Projection;
import dk.referent.view.ViewStore;

/**
 * The read-model path alone, in one process: the demo meeting's events folded into stored views, then decision
 * revisions applied one by one, timing the minutes and the decision history. Arguments: the number of revisions
 * timed (300) and of revisions applied to another item first, untimed, to warm the JIT up as in a running app (0).
 * Prints figures: wall time, and the CPU time of the applying thread alone (the embedded server answers on threads
 * of its own), which a busy machine disturbs less.
 */
public final class ProjectionBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try (EmbeddedMongo mongo = new EmbeddedMongo(Files.createTempDirectory("projbench"));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            ViewStore store = new ViewStore(client.getDatabase("bench"), mapper, new StoreInfo(true));
            List<Projection<?>> projections = List.of(new CommitteeProjection(), new MinutesProjection(),
                    new DecisionHistoryProjection());
            List<EventMessage<?>> events = DemoEvents.of(DemoMeeting.commands());
            for (EventMessage<?> e : events) {
                apply(store, projections, e);
            }
            for (int i = 0; i < warmUp; i++) {
                apply(store, projections, revision("punkt-2", i));
            }
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] minutes = new long[n];
            long[] history = new long[n];
            long[] minutesCpu = new long[n];
            long[] historyCpu = new long[n];
            for (int i = 0; i < n; i++) {
                EventMessage<?> e = revision("punkt-3", i);
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                store.apply(projections.get(1), DemoMeeting.MEETING_ID, e, store.lookup());
                minutes[i] = System.nanoTime() - t;
                minutesCpu[i] = threads.getCurrentThreadCpuTime() - c;
                c = threads.getCurrentThreadCpuTime();
                t = System.nanoTime();
                for (String id : projections.get(2).targets(e, store.lookup())) { // the page of the revision
                    store.apply(projections.get(2), id, e, store.lookup());
                }
                history[i] = System.nanoTime() - t;
                historyCpu[i] = threads.getCurrentThreadCpuTime() - c;
            }
            System.out.printf("projection: %d revisions; minutes p50 %.2f ms p99 %.2f ms; history p50 %.2f ms p99 %.2f ms%n",
                    n, StoreBench.ms(minutes, 50), StoreBench.ms(minutes, 99), StoreBench.ms(history, 50),
                    StoreBench.ms(history, 99));
            System.out.printf("projection CPU (applying thread): minutes p50 %.2f ms p99 %.2f ms; "
                            + "history p50 %.2f ms p99 %.2f ms%n",
                    StoreBench.ms(minutesCpu, 50), StoreBench.ms(minutesCpu, 99), StoreBench.ms(historyCpu, 50),
                    StoreBench.ms(historyCpu, 99));
        }
    }

    private static EventMessage<?> revision(String itemId, int i) {
        return new GenericDomainEventMessage<>("Meeting", DemoMeeting.MEETING_ID, 10_000 + i,
                new DecisionRecorded(DemoMeeting.MEETING_ID, itemId, i + 2,
                        "Klyngestyregruppen drøftede udspillet. Udkast " + i, Outcome.DISCUSSED, "x",
                        Outcome.DISCUSSED, i + 1, false, null, false),
                Map.of("actor", "bench"), UUID.randomUUID().toString(), Instant.now());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void apply(ViewStore store, List<Projection<?>> projections, EventMessage<?> e) {
        for (Projection p : projections) {
            for (Object id : p.targets(e, store.lookup())) {
                store.apply(p, (String) id, e, store.lookup());
            }
        }
    }

    /** The events the commands produce through the real aggregates. */
    public static List<EventMessage<?>> events(List<Object> commands) {
        return DemoEvents.of(commands);
    }

    /** The demo's events, produced by its commands through the real aggregates. */
    static final class DemoEvents {
        static List<EventMessage<?>> of(List<Object> commands) {
            List<EventMessage<?>> events = new ArrayList<>();
            org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine engine =
                    new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine();
            org.axonframework.config.Configuration config = org.axonframework.config.DefaultConfigurer
                    .defaultConfiguration()
                    .configureEmbeddedEventStore(c -> engine)
                    .configureAggregate(classFor("dk.referent.committee.Committee"))
                    .configureAggregate(classFor("dk.referent.meeting.Meeting"))
                    .registerComponent(dk.referent.meeting.DecisionLog.class, c ->
                            new dk.referent.meeting.DecisionLog(c.eventStore()))
                    .buildConfiguration();
            config.start();
            for (Object c : commands) {
                config.commandGateway().sendAndWait(c);
            }
            engine.readEvents(null, false).forEach(events::add);
            config.shutdown();
            return events;
        }

        @SuppressWarnings("unchecked")
        static <T> Class<T> classFor(String name) {
            try {
                return (Class<T>) Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
