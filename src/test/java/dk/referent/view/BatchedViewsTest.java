package dk.referent.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;

import dk.referent.attendance.AttendanceProjection;
import dk.referent.committee.CommitteeProjection;
import dk.referent.committee.api.AddMember;
import dk.referent.committee.api.CommitteeRole;
import dk.referent.demo.DemoMeeting;
import dk.referent.meeting.api.MeetingMode;
import dk.referent.meeting.api.ScheduleMeeting;
import dk.referent.minutes.DecisionHistoryProjection;
import dk.referent.minutes.MinutesProjection;
import dk.referent.store.StoreInfo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The projection processor stores its views once per batch of events. Within a batch every read must see the views
 * as the batch has left them: a meeting is scheduled (its minutes look its committee up) and in the same batch
 * members join the committee (the minutes and attendance of its open meetings are found through
 * {@code idsWhere} and {@code find}), the meeting closes, another is scheduled, and a later member must join only
 * that one. Applied in one batch, in batches of a few events, or one event at a time, the store must hold the same
 * documents and hand out the same changes, and those views must equal the log folded in memory.
 */
class BatchedViewsTest extends EmbeddedStoreFixture {

    static final String SECOND_MEETING = DemoMeeting.MEETING_ID + "-2";

    final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    @Test
    void aBatchStoresWhatItsEventsOneAtATimeWouldWithLookupsOfViewsWrittenInTheSameBatch() {
        List<EventMessage<?>> events = events();

        Run single = new Run(client.getDatabase("single"));
        events.forEach(e -> single.runner.on(e.getPayload(), e));
        Run whole = new Run(client.getDatabase("whole"));
        whole.inBatches(events, events.size());
        Run chunks = new Run(client.getDatabase("chunks"));
        chunks.inBatches(events, 7);

        for (String collection : collections(single.db)) {
            List<Document> expected = documents(single.db, collection);
            assertThat(documents(whole.db, collection)).as(collection).isNotEmpty().isEqualTo(expected);
            assertThat(documents(chunks.db, collection)).as(collection).isEqualTo(expected);
        }
        assertThat(whole.published).isNotEmpty().isEqualTo(single.published);
        assertThat(chunks.published).isEqualTo(single.published);

        for (Run run : List.of(single, whole, chunks)) {
            ProjectionAdmin.Consistency consistency = run.admin(events).check();
            assertThat(consistency.differences()).isEmpty();
            assertThat(consistency.consistent()).isTrue();
        }
        // the late members joined the meetings open when they were added
        ViewLookup views = single.store.lookup();
        assertThat(views.idsWhere(AttendanceProjection.NAME, "committeeId", DemoMeeting.COMMITTEE_ID))
                .containsExactlyInAnyOrder(DemoMeeting.MEETING_ID, SECOND_MEETING);
        assertThat(json(single, AttendanceProjection.NAME, DemoMeeting.MEETING_ID)).contains("m-sen")
                .doesNotContain("m-senere");
        assertThat(json(single, AttendanceProjection.NAME, SECOND_MEETING)).contains("m-sen", "m-senere");
    }

    @Test
    void theViewsAreStoredAndTheirChangesPublishedBeforeTheProcessorStoresItsToken() {
        List<EventMessage<?>> events = events();
        Run run = new Run(client.getDatabase("order"));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        List<Long> storedAtPrepareCommit = new ArrayList<>();
        List<Integer> publishedAtPrepareCommit = new ArrayList<>();
        // registered first, as the tracking processor registers the storing of its token
        unitOfWork.onPrepareCommit(u -> {
            storedAtPrepareCommit.add(run.db.getCollection("view_" + MinutesProjection.NAME).countDocuments());
            publishedAtPrepareCommit.add(run.published.size());
        });
        run.execute(unitOfWork);

        assertThat(storedAtPrepareCommit).containsExactly(
                run.db.getCollection("view_" + MinutesProjection.NAME).countDocuments());
        assertThat(storedAtPrepareCommit.get(0)).isPositive();
        assertThat(run.published).isNotEmpty();
        assertThat(publishedAtPrepareCommit).containsExactly(run.published.size());
        // stored once: the prepare-commit handler, run after the interceptor, finds nothing left to store
        assertThat(run.registry.get("referent.projection.flush").timer().count()).isEqualTo(1);
    }

    @Test
    void aBatchSeesTheRefsItsViewsWillHave() {
        ViewStoreTest.BoardProjection board = new ViewStoreTest.BoardProjection();
        ViewStore store = new ViewStore(client.getDatabase("refs"), mapper, new StoreInfo(false));
        store.apply(board, "b1", event(new ViewStoreTest.CardAdded("b1", "c1", "x", false)), store.lookup());
        store.apply(board, "b2", event(new ViewStoreTest.CardAdded("b2", "c1", "x", false)), store.lookup());

        ViewStore.Batch batch = store.batch();
        batch.apply(board, "b1", event(new ViewStoreTest.CardAdded("b1", "c2", "y", false)), batch.lookup());
        batch.apply(board, "b3", event(new ViewStoreTest.CardAdded("b3", "c1", "z", false)), batch.lookup());

        assertThat(batch.lookup().idsWhere("board", "cards", "1")).containsExactlyInAnyOrder("b2", "b3");
        assertThat(batch.lookup().idsWhere("board", "cards", "2")).containsExactly("b1");
        assertThat(batch.lookup().find("board", "b1", ViewStoreTest.Board.class).orElseThrow().cards()).hasSize(2);
        assertThat(store.lookup().idsWhere("board", "cards", "1")).containsExactlyInAnyOrder("b1", "b2");

        batch.flush();
        assertThat(store.lookup().idsWhere("board", "cards", "1")).containsExactlyInAnyOrder("b2", "b3");
        assertThat(store.version("board", "b1", null)).isEqualTo(2);
        assertThat(store.changesSince("board", "b1", null, 0)).hasSize(2);
    }

    /**
     * A flush that fails part-way (the board's variant stored, the full view refused) throws; the batch's events
     * applied again, as the processor hands them again, are skipped by the variant that holds them and applied to
     * the full view, leaving the documents a store without the failure holds.
     */
    @Test
    void aFailedFlushThrowsAndTheBatchAppliedAgainGivesTheSameDocuments() {
        ViewStoreTest.BoardProjection board = new ViewStoreTest.BoardProjection();
        List<EventMessage<?>> events = List.of(event(new ViewStoreTest.CardAdded("b1", "c1", "x", false)),
                event(new ViewStoreTest.CardAdded("b1", "c2", "y", true)),
                event(new ViewStoreTest.CardEdited("b1", "c2", "z")));
        MongoDatabase clean = client.getDatabase("clean");
        ViewStore expected = new ViewStore(clean, mapper, new StoreInfo(true));
        events.forEach(e -> expected.apply(board, "b1", e, expected.lookup()));

        MongoDatabase failing = client.getDatabase("failing");
        AtomicBoolean refuse = new AtomicBoolean(true);
        ViewStore store = new ViewStore(refusingFullViews(failing, refuse), mapper, new StoreInfo(true));
        refuse.set(false);
        store.apply(board, "b1", events.get(0), store.lookup());
        refuse.set(true);
        ViewStore.Batch batch = store.batch();
        events.subList(1, 3).forEach(e -> batch.apply(board, "b1", e, batch.lookup()));
        assertThatThrownBy(batch::flush)
                .isInstanceOf(MongoException.class);
        assertThat(store.version("board", "b1", ViewStoreTest.OPEN)).isEqualTo(2);
        assertThat(store.version("board", "b1", null)).isEqualTo(1);

        refuse.set(false);
        ViewStore.Batch again = store.batch();
        events.subList(1, 3).forEach(e -> again.apply(board, "b1", e, again.lookup()));
        again.flush();
        for (String collection : List.of("view_board", "changes_board")) {
            assertThat(documents(failing, collection)).as(collection).isEqualTo(documents(clean, collection));
        }
    }

    /** The database, whose view_board stores only the variants of a bulk write while {@code refuse} is set. */
    @SuppressWarnings("unchecked")
    static MongoDatabase refusingFullViews(MongoDatabase db, AtomicBoolean refuse) {
        return intercepting(db, "view_board", (views, method, args) -> {
            if (refuse.get() && method.getName().equals("bulkWrite")) {
                List<ReplaceOneModel<Document>> variants = new ArrayList<>();
                for (Object model : (List<?>) args[0]) {
                    ReplaceOneModel<Document> replace = (ReplaceOneModel<Document>) model;
                    if (replace.getReplacement().getString("_id").contains("|")) {
                        variants.add(replace);
                    }
                }
                views.bulkWrite(variants);
                throw new MongoException("refused the full views");
            }
            return invoke(method, views, args);
        });
    }

    /** The demo meeting with members who join after it is scheduled and after it closes, and a second meeting. */
    static List<EventMessage<?>> events() {
        List<Object> commands = new ArrayList<>(DemoMeeting.commands());
        int scheduled = 0;
        while (!(commands.get(scheduled) instanceof ScheduleMeeting)) {
            scheduled++;
        }
        String organisation = DemoMeeting.organisations().get(0);
        commands.add(scheduled + 1, new AddMember(DemoMeeting.COMMITTEE_ID, "m-sen", "Sen Ankomst", "Konsulent",
                organisation, CommitteeRole.MEMBER));
        commands.add(new ScheduleMeeting(SECOND_MEETING, DemoMeeting.COMMITTEE_ID, "Næste møde",
                DemoMeeting.STARTS_AT.plusMonths(1), DemoMeeting.ENDS_AT.plusMonths(1), null, MeetingMode.HYBRID));
        commands.add(new AddMember(DemoMeeting.COMMITTEE_ID, "m-senere", "Senere Ankomst", "Konsulent",
                organisation, CommitteeRole.MEMBER));
        return dk.referent.bench.ProjectionBench.events(commands);
    }

    static EventMessage<?> event(Object payload) {
        return new org.axonframework.eventhandling.GenericEventMessage<>(payload);
    }

    String json(Run run, String projection, String id) {
        return run.store.json(projection, id, null).orElseThrow().toString();
    }

    static List<String> collections(MongoDatabase db) {
        return db.listCollectionNames().into(new ArrayList<>()).stream().sorted().collect(Collectors.toList());
    }

    /** A runner over its own database that records what it publishes. */
    final class Run {
        final MongoDatabase db;
        final ViewStore store;
        final List<Projection<?>> projections = List.of(new CommitteeProjection(), new MinutesProjection(),
                new DecisionHistoryProjection(), new AttendanceProjection());
        final List<String> published = new ArrayList<>();
        final ProjectionRunner runner;
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();

        Run(MongoDatabase db) {
            this.db = db;
            this.store = new ViewStore(db, mapper, new StoreInfo(true));
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("publisher", (ChangePublisher) (topic, audience, change) -> published.add(
                    topic + " " + audience + " " + change.version() + " " + change.patch()));
            this.runner = new ProjectionRunner(projections, store, new ProjectionBarrier(),
                    beans.getBeanProvider(ChangePublisher.class), registry,
                    java.time.Clock.systemUTC());
        }

        void inBatches(List<EventMessage<?>> events, int size) {
            for (int i = 0; i < events.size(); i += size) {
                execute(new BatchingUnitOfWork<>(events.subList(i, Math.min(events.size(), i + size))));
            }
        }

        /** As the tracking processor does: each event through the interceptors to the handler, then commit. */
        void execute(BatchingUnitOfWork<EventMessage<?>> unitOfWork) {
            MessageHandlerInterceptor<EventMessage<?>> flush = runner.flushAtEndOfBatch();
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> flush.handle(unitOfWork, () -> {
                EventMessage<?> event = unitOfWork.getMessage();
                runner.on(event.getPayload(), event);
                return null;
            }));
            assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        }

        ProjectionAdmin admin(List<EventMessage<?>> events) {
            return new ProjectionAdmin(runner, store, () -> events.stream().map(e -> (DomainEventMessage<?>) e),
                    mapper);
        }
    }
}
