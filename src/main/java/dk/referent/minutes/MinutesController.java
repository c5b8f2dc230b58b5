package dk.referent.minutes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;

import dk.referent.meeting.api.ApproveMinutes;
import dk.referent.security.Access;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.NotFound;
import dk.referent.shared.Times;
import dk.referent.view.Change;
import dk.referent.view.ViewStore;
import dk.referent.web.Commands;

/** The minutes: as JSON (now or as of a moment), as Markdown and HTML, their changes, approval and verification. */
@RestController
class MinutesController {

    private final ViewStore views;
    private final Meetings meetings;
    private final Access access;
    private final ObjectMapper mapper;
    private final Commands commands;

    MinutesController(ViewStore views, Meetings meetings, Access access, ObjectMapper mapper, Commands commands) {
        this.views = views;
        this.meetings = meetings;
        this.access = access;
        this.mapper = mapper;
        this.commands = commands;
    }

    @GetMapping("/api/meetings")
    List<Map<String, Object>> list(@RequestParam String committeeId) {
        String audience = access.requireRead(committeeId);
        List<MinutesView> found = new ArrayList<>();
        for (String id : views.idsWhere(MinutesProjection.NAME, "committeeId", committeeId)) {
            views.find(MinutesProjection.NAME, id, MinutesView.class).ifPresent(found::add);
        }
        found.sort(Comparator.comparing(MinutesView::startsAt, Comparator.nullsLast(Comparator.reverseOrder())));
        List<Map<String, Object>> result = new ArrayList<>();
        for (MinutesView m : found) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.meetingId());
            row.put("committeeId", m.committee().id());
            row.put("title", m.title());
            row.put("startsAt", m.startsAt());
            row.put("endsAt", m.endsAt());
            row.put("location", m.location());
            row.put("mode", m.mode());
            row.put("status", m.status());
            row.put("items", audience == null ? m.items().size()
                    : m.items().stream().filter(i -> i.visibility() != dk.referent.meeting.api.Visibility.CLOSED).count());
            result.add(row);
        }
        return result;
    }

    @GetMapping("/api/meetings/{mid}/minutes")
    ObjectNode minutes(@PathVariable String mid, @RequestParam(required = false) String asOf) {
        String audience = meetings.requireRead(mid);
        if (asOf != null) {
            return asOf(mid, Times.parse("asOf", asOf), audience);
        }
        return views.json(MinutesProjection.NAME, mid, audience)
                .orElseThrow(() -> new NotFound("No meeting " + mid));
    }

    @GetMapping(value = "/api/meetings/{mid}/minutes.md", produces = "text/markdown;charset=UTF-8")
    String markdown(@PathVariable String mid, @RequestParam(required = false) String asOf) {
        return MinutesDocument.markdown(view(mid, asOf));
    }

    @GetMapping(value = "/api/meetings/{mid}/minutes.html", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String html(@PathVariable String mid, @RequestParam(required = false) String asOf) {
        return MinutesDocument.html(view(mid, asOf));
    }

    @GetMapping("/api/meetings/{mid}/changes")
    List<Change> changes(@PathVariable String mid, @RequestParam(defaultValue = "0") long since) {
        String audience = meetings.requireRead(mid);
        if (since < 0) {
            throw new InvalidInput("since", "must be 0 or more");
        }
        return views.changesSince(MinutesProjection.NAME, mid, audience, since);
    }

    @GetMapping("/api/meetings/{mid}/agenda/{iid}/decision/history")
    List<DecisionHistoryPage.Revision> history(@PathVariable String mid, @PathVariable String iid) {
        String audience = meetings.requireRead(mid);
        // the item as the reader's minutes show it (an observer's have no closed item)
        MinutesView minutes = mapper.convertValue(views.json(MinutesProjection.NAME, mid, audience)
                .orElseThrow(() -> new NotFound("No meeting " + mid)).without("version"), MinutesView.class);
        MinutesView.Item item = minutes.items().stream().filter(i -> i.id().equals(iid)).findFirst()
                .orElseThrow(() -> new NotFound("No agenda item " + iid + " in meeting " + mid));
        return revisions(mid, item);
    }

    /** Every revision of the item's decision, oldest first. */
    private List<DecisionHistoryPage.Revision> revisions(String mid, MinutesView.Item item) {
        long latest = item.decision() == null ? 0 : item.decision().revision();
        List<String> pages = java.util.stream.LongStream.range(0, (latest + DecisionHistoryPage.SIZE - 1)
                / DecisionHistoryPage.SIZE).mapToObj(p -> DecisionHistoryPage.pageId(mid, item.id(), p)).toList();
        return views.findAll(DecisionHistoryProjection.NAME, pages, DecisionHistoryPage.class).stream()
                .flatMap(page -> page.revisions().stream()).toList();
    }

    @PostMapping("/api/meetings/{mid}/minutes/approve")
    Map<String, Object> approve(@PathVariable String mid) {
        meetings.requireEdit(mid);
        MinutesView now = meetings.minutes(mid); // what verify compares with, as every reader sees it
        String digest = MinutesDocument.sha256(MinutesDocument.markdown(now));
        Long version = commands.send(new ApproveMinutes(mid, digest));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", mid);
        result.put("version", version);
        result.put("digest", digest);
        return result;
    }

    @GetMapping("/api/meetings/{mid}/minutes/verify")
    Map<String, Object> verify(@PathVariable String mid) {
        String audience = meetings.requireRead(mid);
        MinutesView current = meetings.minutes(mid);
        String currentDigest = MinutesDocument.sha256(MinutesDocument.markdown(current));
        List<Map<String, Object>> corrections = new ArrayList<>();
        for (MinutesView.Item item : current.items()) {
            if (audience != null && item.visibility() == dk.referent.meeting.api.Visibility.CLOSED) {
                continue;
            }
            List<DecisionHistoryPage.Revision> revisions = revisions(mid, item);
            for (int i = 0; i < revisions.size(); i++) {
                DecisionHistoryPage.Revision r = revisions.get(i);
                if (r.correction()) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("itemId", item.id());
                    c.put("revision", r.revision());
                    c.put("by", r.by());
                    c.put("at", r.at());
                    c.put("reason", r.reason());
                    c.put("previousText", i == 0 ? null : revisions.get(i - 1).text());
                    c.put("text", r.text());
                    corrections.add(c);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("approvedDigest", current.approvedDigest());
        result.put("currentDigest", currentDigest);
        result.put("intact", current.approvedDigest() != null && current.approvedDigest().equals(currentDigest));
        result.put("corrections", corrections);
        return result;
    }

    private MinutesView view(String mid, String asOf) {
        String audience = meetings.requireRead(mid);
        ObjectNode json = asOf == null
                ? views.json(MinutesProjection.NAME, mid, audience).orElseThrow(() -> new NotFound("No meeting " + mid))
                : asOf(mid, Times.parse("asOf", asOf), audience);
        return mapper.convertValue(json.without("version"), MinutesView.class);
    }

    /**
     * The minutes as they stood at {@code at}: the view's change feed replayed from nothing up to the last change
     * made by an event of that moment or before. The feed holds every version's patch (the live tests check that
     * snapshot plus patches equal the view), so this is the fold of the log up to then, for one meeting, without
     * folding the whole log. The replay stops at the first later change: each patch applies to the version before
     * it (an event that committed late, with an earlier time than one already applied, counts from its version).
     */
    private ObjectNode asOf(String mid, Instant at, String audience) {
        List<Change> changes = views.changesSince(MinutesProjection.NAME, mid, audience, 0);
        JsonNode then = null;
        for (Change change : changes) {
            if (change.at().isAfter(at)) {
                break;
            }
            then = JsonPatch.apply(change.patch(), then == null ? mapper.createObjectNode() : then);
        }
        if (!(then instanceof ObjectNode)) {
            throw new NotFound("Meeting " + mid + " did not exist at " + at);
        }
        return asOfAudience(mid, (ObjectNode) then, audience);
    }

    private ObjectNode asOfAudience(String mid, ObjectNode then, String audience) {
        if (audience != null) {
            // an item closed since (often because it should never have been open) is closed in the past too
            java.util.Set<String> closedNow = new java.util.HashSet<>();
            meetings.minutes(mid).items().stream().filter(i -> i.visibility() == dk.referent.meeting.api.Visibility.CLOSED)
                    .forEach(i -> closedNow.add(i.id()));
            com.fasterxml.jackson.databind.node.ArrayNode items = then.arrayNode();
            then.path("items").forEach(i -> {
                if (!closedNow.contains(i.path("id").asText())) {
                    items.add(i);
                }
            });
            then.set("items", items);
        }
        return then;
    }
}
