package dk.referent.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import com.mongodb.client.MongoDatabase;

import dk.referent.store.StoreInfo;

/**
 * The store keeps what it wrote, parsed, for the next event when it is the sole writer. Hundreds of events over two
 * boards with an audience variant that hides the text of closed cards (its filter changes the JSON it is given, as
 * the real ones do) must give the same documents as a store that reads every view back, and the patches handed out
 * must rebuild every view and variant from nothing, even when whoever received them changes them afterwards.
 */
class ViewStoreTest extends EmbeddedStoreFixture {

    static final String OPEN = "open";
    final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    final BoardProjection projection = new BoardProjection();

    @Test
    void soleWriterStoresTheSameDocumentsAsAStoreThatReadsEveryViewBack() {
        List<EventMessage<?>> events = events();
        MongoDatabase cached = client.getDatabase("cached");
        MongoDatabase readBack = client.getDatabase("readback");

        run(new ViewStore(cached, mapper, new StoreInfo(true)), events);
        run(new ViewStore(readBack, mapper, new StoreInfo(false)), events);

        for (String collection : List.of("view_board", "changes_board")) {
            assertThat(documents(cached, collection)).isNotEmpty().isEqualTo(documents(readBack, collection));
        }
    }

    @Test
    void patchesRebuildEveryViewAndVariantAfterManyEvents() {
        ViewStore store = new ViewStore(client.getDatabase("patches"), mapper, new StoreInfo(true));
        List<EventMessage<?>> events = events();

        Map<String, JsonNode> live = run(store, events);

        InMemoryViews fresh = new InMemoryViews(List.of(projection), mapper).fold(events.stream(), e -> true);
        for (String id : List.of("b1", "b2")) {
            for (String audience : new String[] {null, OPEN}) {
                ObjectNode stored = store.json("board", id, audience).orElseThrow();
                assertThat(reparsed(live.get(key(id, audience)))).as("live patches of %s", key(id, audience))
                        .isEqualTo(stored);
                JsonNode fromFeed = mapper.createObjectNode();
                for (Change change : store.changesSince("board", id, audience, 0)) {
                    fromFeed = JsonPatch.apply(change.patch(), fromFeed);
                }
                assertThat(reparsed(fromFeed)).as("feed of %s", key(id, audience)).isEqualTo(stored);
                assertThat(withoutVersion(stored)).isEqualTo(withoutVersion(fresh.json("board", id, audience)
                        .orElseThrow()));
            }
        }
    }

    /**
     * Views stored before the applied events' hashes were kept as one binary value hold them as an array of numbers:
     * an event among them is still recognised, and the next one stores them all in the new form.
     */
    @Test
    void eventsRememberedInTheOldArrayFormAreStillRecognised() {
        MongoDatabase db = client.getDatabase("oldform");
        ViewStore store = new ViewStore(db, mapper, new StoreInfo(false));
        EventMessage<?> first = GenericEventMessage.asEventMessage(new CardAdded("b1", "c1", "x", false));
        EventMessage<?> second = GenericEventMessage.asEventMessage(new CardAdded("b1", "c2", "y", false));
        store.apply(projection, "b1", first, store.lookup());
        var views = db.getCollection("view_board");
        views.updateOne(new org.bson.Document("_id", "b1"), new org.bson.Document("$set",
                new org.bson.Document("appliedHashes", List.of(ViewStore.idHash(first.getIdentifier())))));

        assertThat(store.apply(projection, "b1", first, store.lookup())).isEmpty();
        assertThat(store.version("board", "b1", null)).isEqualTo(1);
        assertThat(store.apply(projection, "b1", second, store.lookup())).isNotEmpty();
        assertThat(store.apply(projection, "b1", first, store.lookup())).isEmpty();
        assertThat(store.apply(projection, "b1", second, store.lookup())).isEmpty();
        assertThat(store.version("board", "b1", null)).isEqualTo(2);
        assertThat(views.find(new org.bson.Document("_id", "b1")).first().get("appliedHashes"))
                .isInstanceOf(org.bson.types.Binary.class);
    }

    /**
     * Applies the events (each tenth one twice, as after a restart) and returns each view as its live patches
     * build it from nothing; the patches are emptied after use, as a careless receiver might.
     */
    Map<String, JsonNode> run(ViewStore store, List<EventMessage<?>> events) {
        Map<String, JsonNode> live = new HashMap<>();
        int i = 0;
        for (EventMessage<?> event : events) {
            for (String id : projection.targets(event, store.lookup())) {
                List<ViewStore.Stored> stored = store.apply(projection, id, event, store.lookup());
                for (ViewStore.Stored s : stored) {
                    String key = key(s.change().id(), s.audience());
                    live.put(key, JsonPatch.apply(s.change().patch().deepCopy(), live.getOrDefault(key,
                            mapper.createObjectNode())));
                    vandalise(s.change().patch());
                }
                if (i++ % 10 == 0) {
                    assertThat(store.apply(projection, id, event, store.lookup())).isEmpty();
                }
            }
        }
        return live;
    }

    static void vandalise(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        node.forEach(children::add);
        children.forEach(ViewStoreTest::vandalise);
        if (node instanceof ObjectNode o) {
            o.removeAll();
        } else if (node instanceof ArrayNode a) {
            a.removeAll();
        }
    }

    /**
     * First the variant's every turn (same as the full view, own body while a closed card's text is hidden, same
     * again), then a seeded mix of adds, edits and closings on two boards.
     */
    List<EventMessage<?>> events() {
        List<Object> payloads = new ArrayList<>(List.of(
                new CardAdded("b1", "c1", "first", false),
                new CardAdded("b1", "c2", null, true),
                new CardEdited("b1", "c2", "hidden"),
                new CardEdited("b1", "c1", "seen"),
                new CardEdited("b1", "c2", null),
                new CardClosed("b1", "c2", false),
                new CardClosed("b1", "c1", true)));
        Random random = new Random(7);
        Map<String, Integer> cards = new LinkedHashMap<>(Map.of("b1", 2, "b2", 0));
        for (int i = 0; i < 400; i++) {
            String board = random.nextInt(3) == 0 ? "b2" : "b1";
            int n = cards.get(board);
            String text = random.nextInt(3) == 0 ? null : "text " + i + " ø • \u2028";
            int kind = n == 0 ? 0 : random.nextInt(3);
            if (kind == 0 && n < 8) {
                cards.put(board, n + 1);
                payloads.add(new CardAdded(board, "c" + (n + 1), text, random.nextBoolean()));
            } else if (kind < 2) {
                payloads.add(new CardEdited(board, "c" + (random.nextInt(n) + 1), text));
            } else {
                payloads.add(new CardClosed(board, "c" + (random.nextInt(n) + 1), random.nextBoolean()));
            }
        }
        return payloads.stream().<EventMessage<?>>map(GenericEventMessage::new).toList();
    }

    static String key(String id, String audience) {
        return audience == null ? id : id + "|" + audience;
    }

    /** As the parser types numbers (a patch's long 4 is not the parser's int 4 to Jackson). */
    JsonNode reparsed(JsonNode json) {
        try {
            return mapper.readTree(json.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode withoutVersion(ObjectNode json) {
        ObjectNode copy = json.deepCopy();
        copy.remove(ViewStore.VERSION);
        return copy;
    }

    record Board(String id, List<Card> cards) {
        record Card(String id, String text, boolean closed) {
        }
    }

    record CardAdded(String board, String card, String text, boolean closed) {
    }

    record CardEdited(String board, String card, String text) {
    }

    record CardClosed(String board, String card, boolean closed) {
    }

    /** Boards of cards; observers ("open") do not see the text of closed cards. */
    static final class BoardProjection implements Projection<Board> {

        @Override
        public String name() {
            return "board";
        }

        @Override
        public Class<Board> viewClass() {
            return Board.class;
        }

        @Override
        public Set<String> targets(EventMessage<?> event, ViewLookup views) {
            Object e = event.getPayload();
            if (e instanceof CardAdded a) {
                return Set.of(a.board());
            } else if (e instanceof CardEdited c) {
                return Set.of(c.board());
            } else if (e instanceof CardClosed c) {
                return Set.of(c.board());
            }
            return Set.of();
        }

        @Override
        public Board apply(String id, Board current, EventMessage<?> event, ViewLookup views) {
            Board board = current == null ? new Board(id, List.of()) : current;
            List<Board.Card> cards = new ArrayList<>();
            for (Board.Card c : board.cards()) {
                if (event.getPayload() instanceof CardEdited e && e.card().equals(c.id())) {
                    cards.add(new Board.Card(c.id(), e.text(), c.closed()));
                } else if (event.getPayload() instanceof CardClosed e && e.card().equals(c.id())) {
                    cards.add(new Board.Card(c.id(), c.text(), e.closed()));
                } else {
                    cards.add(c);
                }
            }
            if (event.getPayload() instanceof CardAdded e) {
                cards.add(new Board.Card(e.card(), e.text(), e.closed()));
            }
            return new Board(id, cards);
        }

        @Override
        public Map<String, String> refs(Board view) {
            return Map.of("cards", String.valueOf(view.cards().size()));
        }

        @Override
        public Map<String, UnaryOperator<ObjectNode>> audiences() {
            return Map.of(OPEN, json -> {
                for (JsonNode card : json.path("cards")) {
                    if (card.path("closed").asBoolean()) {
                        ((ObjectNode) card).putNull("text");
                    }
                }
                return json;
            });
        }

        @Override
        public String topic(String id) {
            return "/topic/boards/" + id;
        }
    }
}
