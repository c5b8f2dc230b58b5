package dk.referent.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;

import dk.referent.store.StoreInfo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the projections do when an event cannot be applied. A projection that throws for an event (a bug, which
 * handing the event again would not change) leaves that one view without it, and everything else goes on: the
 * other views and projections take the event, its changes are published and its sender is let through. A store
 * that does not answer is different: the batch is rolled back and the processor hands it again until it answers,
 * so no view misses an event; Axon's default for event handlers would have logged the failure and moved on.
 */
class ProjectionFailureTest extends EmbeddedStoreFixture {

    final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    final List<String> published = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ProjectionBarrier barrier = new ProjectionBarrier();

    @Test
    void aViewThatCannotTakeAnEventIsLeftWithoutItAndEverythingElseGoesOn() {
        ViewStore store = new ViewStore(client.getDatabase("bug"), mapper, new StoreInfo(true));
        ProjectionRunner runner = runner(store, new Brittle(), new ViewStoreTest.BoardProjection());
        List<EventMessage<?>> events = List.of(added("b1", "c1"), added("b2", "c1"), added("b1", "c2"),
                added("b2", "c2"), added("b1", "c3"));
        events.forEach(barrier::dispatched);

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> runner.flushAtEndOfBatch().handle(unitOfWork,
                () -> {
                    runner.on(unitOfWork.getMessage().getPayload(), unitOfWork.getMessage());
                    return null;
                }));

        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        // the brittle projection cannot apply "c2" to board b1: b1 skips it, b2 takes it
        assertThat(store.version("brittle", "b1", null)).isEqualTo(2);
        assertThat(store.version("brittle", "b2", null)).isEqualTo(2);
        assertThat(store.json("brittle", "b1", null).orElseThrow().toString()).contains("c1", "c3")
                .doesNotContain("c2");
        assertThat(store.changesSince("brittle", "b1", null, 0)).extracting(Change::version).containsExactly(1L, 2L);
        // the other projection took every event, and every change applied was published, in order
        assertThat(store.version("board", "b1", null)).isEqualTo(3);
        assertThat(store.version("board", "b2", null)).isEqualTo(2);
        assertThat(published).filteredOn(p -> p.startsWith("/brittle/b1 ")).containsExactly("/brittle/b1 1",
                "/brittle/b1 2");
        assertThat(published).filteredOn(p -> p.startsWith("/topic/boards/b1 "))
                .containsExactly("/topic/boards/b1 1", "/topic/boards/b1 2", "/topic/boards/b1 3");
        assertThat(registry.get("referent.projection.failed").tag("projection", "brittle").counter().count())
                .isEqualTo(1);
        // the sender of the event is let through: its wait ends at once, not at the timeout
        long start = System.nanoTime();
        barrier.awaitProjections("cmd-b1-c2", Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aStoreThatDoesNotAnswerHasTheProcessorHandTheEventsAgainUntilEveryViewHasThem() {
        AtomicInteger refusals = new AtomicInteger(2);
        ViewStore store = new ViewStore(refusingReads(client.getDatabase("flaky"), refusals, Thread.currentThread()),
                mapper, new StoreInfo(true));
        ProjectionRunner runner = runner(store, new ViewStoreTest.BoardProjection());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("runner", runner);
        ProjectionWiring wiring = new ProjectionWiring();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing().registerTrackingEventProcessor(ProjectionRunner.GROUP)
                .registerEventHandler(c -> runner);
        wiring.projectionsStoreEachBatch(beans.getBeanProvider(ProjectionRunner.class)).configureModule(configurer);
        wiring.projectionStoreFailuresRetry().configureModule(configurer);
        Configuration axon = configurer.start();
        try {
            axon.eventBus().publish(added("b1", "c1"), added("b1", "c2"), added("b1", "c3"));

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (store.version("board", "b1", null) < 3 && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertThat(refusals.get()).as("the store refused reads").isNegative();
            assertThat(store.version("board", "b1", null)).isEqualTo(3);
            assertThat(store.json("board", "b1", null).orElseThrow().toString()).contains("c1", "c2", "c3");
            assertThat(store.changesSince("board", "b1", null, 0)).extracting(Change::version)
                    .containsExactly(1L, 2L, 3L);
            assertThat(published).filteredOn(p -> p.startsWith("/topic/boards/b1 "))
                    .containsExactly("/topic/boards/b1 1", "/topic/boards/b1 2", "/topic/boards/b1 3");
            assertThat(registry.find("referent.projection.failed").counter()).isNull();
        } finally {
            axon.shutdown();
        }
    }

    private ProjectionRunner runner(ViewStore store, Projection<?>... projections) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("publisher", (ChangePublisher) (topic, audience, change) -> {
            if (audience == null) {
                published.add(topic + " " + change.version());
            }
        });
        return new ProjectionRunner(List.of(projections), store, barrier,
                beans.getBeanProvider(ChangePublisher.class), registry, java.time.Clock.systemUTC());
    }

    /** A card added to a board, sent by the command "cmd-{board}-{card}". */
    static EventMessage<?> added(String board, String card) {
        return new GenericEventMessage<>(new ViewStoreTest.CardAdded(board, card, "text " + card, false),
                MetaData.with("correlationId", "cmd-" + board + "-" + card));
    }

    /** The board, under another name and with live topics, that cannot apply card "c2" to board "b1". */
    static final class Brittle implements Projection<ViewStoreTest.Board> {
        private final ViewStoreTest.BoardProjection board = new ViewStoreTest.BoardProjection();

        @Override
        public String name() {
            return "brittle";
        }

        @Override
        public Class<ViewStoreTest.Board> viewClass() {
            return ViewStoreTest.Board.class;
        }

        @Override
        public Set<String> targets(EventMessage<?> event, ViewLookup views) {
            return board.targets(event, views);
        }

        @Override
        public ViewStoreTest.Board apply(String id, ViewStoreTest.Board current, EventMessage<?> event,
                                         ViewLookup views) {
            if (event.getPayload() instanceof ViewStoreTest.CardAdded a && a.board().equals("b1")
                    && a.card().equals("c2")) {
                throw new IllegalStateException("a projection that cannot handle this event");
            }
            return board.apply(id, current, event, views);
        }

        @Override
        public String topic(String id) {
            return "/brittle/" + id;
        }
    }

    /**
     * The database, whose view_board refuses the first {@code refusals} reads made by other threads than
     * {@code reader} (the test's own, which reads freely); the count goes below zero as they read on.
     */
    static MongoDatabase refusingReads(MongoDatabase db, AtomicInteger refusals, Thread reader) {
        return intercepting(db, "view_board", (views, method, args) -> {
            if (method.getName().equals("find") && Thread.currentThread() != reader
                    && refusals.getAndDecrement() > 0) {
                throw new MongoException("the store did not answer");
            }
            return invoke(method, views, args);
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
