package dk.referent.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dk.referent.meeting.api.DecisionRecorded;
import dk.referent.meeting.api.Outcome;
import dk.referent.minutes.DecisionHistoryPage;
import dk.referent.minutes.DecisionHistoryProjection;
import dk.referent.store.StoreInfo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A decision's history is kept in pages of revisions. A store written when it was one view per item, holding every
 * revision, has that projection rebuilt at start, once: afterwards the revisions are in pages and the old documents
 * are gone; the next start leaves the views alone.
 */
class DecisionHistoryLayoutTest extends EmbeddedStoreFixture {

    final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    MongoDatabase db;

    @BeforeEach
    void database() {
        db = client.getDatabase("t");
    }

    @Test
    void aHistoryStoredAsOneViewPerItemIsRebuiltInPagesAtStart() {
        List<DomainEventMessage<?>> log = new ArrayList<>();
        for (long r = 1; r <= 23; r++) {
            log.add(new GenericDomainEventMessage<>("Meeting", "m1", r, new DecisionRecorded("m1", "i1", r,
                    "Tekst " + r, Outcome.APPROVED, r == 1 ? null : "Tekst " + (r - 1), null, r - 1, false, null,
                    false), Map.of("actor", "sekretær")));
        }
        // the old layout: one document for the item, with every revision in its body
        db.getCollection("view_decisions").insertOne(new Document("_id", "m1/i1").append("version", 4L)
                .append("body", "{\"meetingId\":\"m1\",\"itemId\":\"i1\",\"revisions\":[],\"version\":4}"));

        ViewStore store = new ViewStore(db, mapper, new StoreInfo(true));
        start(store, log);

        assertThat(db.getCollection("view_decisions").find(Filters.eq("_id", "m1/i1")).first()).isNull();
        List<DecisionHistoryPage> pages = store.findAll(DecisionHistoryProjection.NAME,
                List.of("m1/i1/0", "m1/i1/1", "m1/i1/2"), DecisionHistoryPage.class);
        assertThat(pages).extracting(page -> page.revisions().size()).containsExactly(20, 3);
        List<DecisionHistoryPage.Revision> revisions = pages.stream().flatMap(page -> page.revisions().stream())
                .toList();
        assertThat(revisions).extracting(DecisionHistoryPage.Revision::text).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 23).mapToObj(r -> "Tekst " + r).toList());
        assertThat(revisions).extracting(DecisionHistoryPage.Revision::by).containsOnly("sekretær");
        assertThat(store.format(DecisionHistoryProjection.NAME)).isEqualTo(2);

        // a later start finds the layout current and rebuilds nothing: a document put beside the views stays
        db.getCollection("view_decisions").insertOne(new Document("_id", "stray"));
        start(store, log);
        assertThat(db.getCollection("view_decisions").find(Filters.eq("_id", "stray")).first()).isNotNull();
    }

    private void start(ViewStore store, List<DomainEventMessage<?>> log) {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        ProjectionRunner runner = new ProjectionRunner(List.of(new DecisionHistoryProjection()), store,
                new ProjectionBarrier(), none.getBeanProvider(ChangePublisher.class), new SimpleMeterRegistry(),
                Clock.systemUTC());
        new ProjectionAdmin(runner, store, log::stream, mapper).afterSingletonsInstantiated();
    }
}
