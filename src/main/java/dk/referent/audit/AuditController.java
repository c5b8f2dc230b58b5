package dk.referent.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.committee.CommitteeProjection;
import dk.referent.committee.CommitteeView;
import dk.referent.meeting.api.Visibility;
import dk.referent.minutes.MinutesProjection;
import dk.referent.minutes.MinutesView;
import dk.referent.security.Access;
import dk.referent.security.CurrentUser;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.NotFound;
import dk.referent.shared.Times;
import dk.referent.store.StoredEvents;
import dk.referent.view.ViewStore;

/**
 * The audit trail: the event log itself, filtered. Who did what and when is the event's metadata and
 * timestamp; nothing here is a second log. The admin may read all of it; anyone else names an aggregate
 * (committee, meeting or fund) they may read, and an observer never sees events of closed items.
 */
@RestController
class AuditController {

    private static final int MAX_LIMIT = 10_000;

    private final StoredEvents log;
    private final ViewStore views;
    private final Access access;
    private final ObjectMapper mapper;

    AuditController(StoredEvents log, ViewStore views, Access access, ObjectMapper mapper) {
        this.log = log;
        this.views = views;
        this.access = access;
        this.mapper = mapper;
    }

    @GetMapping("/api/audit")
    List<Map<String, Object>> audit(@RequestParam(required = false) String aggregateId,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Instant start = from == null ? null : Times.parse("from", from);
        Instant end = to == null ? null : Times.parse("to", to);
        Hidden hidden = Hidden.NOTHING;
        if (!CurrentUser.isAdmin()) {
            if (aggregateId == null) {
                throw new AccessDeniedException("only the admin may read the whole audit trail");
            }
            String audience = access.requireRead(committeeOf(aggregateId));
            if (audience != null) {
                hidden = hiddenFromObservers(aggregateId);
            }
        }
        List<Map<String, Object>> result = new ArrayList<>();
        long position = 0;
        try (Stream<? extends DomainEventMessage<?>> events = log.inOrder()) {
            java.util.Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> e = it.next();
                position++;
                if (aggregateId != null && !aggregateId.equals(e.getAggregateIdentifier())) {
                    continue;
                }
                String who = String.valueOf(e.getMetaData().getOrDefault("actor", CurrentUser.SYSTEM));
                if (actor != null && !actor.equals(who)) {
                    continue;
                }
                if ((start != null && e.getTimestamp().isBefore(start)) || (end != null && e.getTimestamp().isAfter(end))) {
                    continue;
                }
                JsonNode payload = mapper.valueToTree(e.getPayload());
                if (hidden.hides(payload)) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("position", position);
                row.put("aggregateId", e.getAggregateIdentifier());
                row.put("type", e.getPayloadType().getSimpleName());
                row.put("version", e.getSequenceNumber() + 1);
                row.put("at", e.getTimestamp());
                row.put("actor", who);
                row.put("correlationId", e.getMetaData().get("correlationId"));
                row.put("payload", payload);
                result.add(row);
                if (result.size() >= limit) {
                    break;
                }
            }
        }
        return result;
    }

    private String committeeOf(String aggregateId) {
        if (views.find(CommitteeProjection.NAME, aggregateId, CommitteeView.class).isPresent()) {
            return aggregateId;
        }
        return views.find(MinutesProjection.NAME, aggregateId, MinutesView.class).map(m -> m.committee().id())
                .or(() -> views.json("fundstatus", aggregateId, null).map(j -> j.path("committeeId").asText()))
                .orElseThrow(() -> new NotFound("No committee, meeting or fund " + aggregateId));
    }

    /**
     * What an observer must not see in a meeting's or a fund's events: the closed items (their events), the guests
     * who come only for closed items (their invitation and attendance), and which agenda items approved a fund's
     * budgets (as in the observers' fund status). The events shown are otherwise unchanged.
     */
    record Hidden(Set<String> items, Set<String> guests, boolean decisions) {

        static final Hidden NOTHING = new Hidden(Set.of(), Set.of(), false);

        boolean hides(JsonNode payload) {
            if (items.contains(payload.path("itemId").asText()) || guests.contains(payload.path("guestId").asText())
                    || guests.contains(payload.path("personId").asText())) {
                return true;
            }
            if (payload.path("itemIds") instanceof ArrayNode itemIds
                    && payload instanceof ObjectNode o) {
                ArrayNode open = o.arrayNode();
                itemIds.forEach(i -> {
                    if (!items.contains(i.asText())) {
                        open.add(i);
                    }
                });
                o.set("itemIds", open);
            }
            if (decisions && payload.has("decision") && payload instanceof ObjectNode o) {
                o.putNull("decision");
            }
            return false;
        }
    }

    private Hidden hiddenFromObservers(String aggregateId) {
        Optional<MinutesView> minutes = views.find(MinutesProjection.NAME, aggregateId, MinutesView.class);
        if (minutes.isEmpty()) {
            return new Hidden(Set.of(), Set.of(), true);
        }
        Set<String> closed = new HashSet<>();
        Set<String> closedGuests = new HashSet<>();
        Set<String> openGuests = new HashSet<>();
        for (MinutesView.Item i : minutes.get().items()) {
            boolean isClosed = i.visibility() == Visibility.CLOSED;
            if (isClosed) {
                closed.add(i.id());
            }
            i.guests().forEach(g -> (isClosed ? closedGuests : openGuests).add(g.id()));
        }
        closedGuests.removeAll(openGuests);
        return new Hidden(closed, closedGuests, true);
    }
}
