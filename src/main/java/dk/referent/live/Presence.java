package dk.referent.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import com.fasterxml.jackson.databind.JsonNode;

import dk.referent.meeting.api.Visibility;
import dk.referent.minutes.MinutesProjection;
import dk.referent.security.Access;
import dk.referent.security.Users;
import dk.referent.view.ViewStore;

/**
 * Who is looking at a meeting and who is editing which item. Ephemeral by design: kept in memory, never an
 * event, cleared when a session unsubscribes or ends. Pushed as {@code {users: [...]}} on
 * /topic/meetings/{id}/presence whenever it changes.
 */
@Component
class Presence {

    private static final String PREFIX = "/topic/meetings/";

    /** meeting id → session id → who and what they edit */
    private final Map<String, Map<String, Entry>> meetings = new ConcurrentHashMap<>();
    /** session id → subscription id → meeting id */
    private final Map<String, Map<String, String>> subscriptions = new ConcurrentHashMap<>();
    private final SimpMessagingTemplate messaging;
    private final Users users;
    private final ViewStore views;

    record Entry(String username, String displayName, String editingItemId) {
    }

    Presence(SimpMessagingTemplate messaging, Users users, ViewStore views) {
        this.messaging = messaging;
        this.users = users;
        this.views = views;
    }

    @EventListener
    void subscribed(SessionSubscribeEvent event) {
        StompHeaderAccessor h = StompHeaderAccessor.wrap(event.getMessage());
        String meetingId = meetingOf(h.getDestination());
        if (meetingId == null || h.getUser() == null) {
            return;
        }
        subscriptions.computeIfAbsent(h.getSessionId(), k -> new ConcurrentHashMap<>())
                .put(h.getSubscriptionId(), meetingId);
        Map<String, Entry> here = meetings.computeIfAbsent(meetingId, k -> new ConcurrentHashMap<>());
        if (here.putIfAbsent(h.getSessionId(), entry(h.getUser().getName(), null)) == null) {
            broadcast(meetingId);
        }
    }

    @EventListener
    void unsubscribed(SessionUnsubscribeEvent event) {
        StompHeaderAccessor h = StompHeaderAccessor.wrap(event.getMessage());
        Map<String, String> subs = subscriptions.get(h.getSessionId());
        String meetingId = subs == null ? null : subs.remove(h.getSubscriptionId());
        if (meetingId != null && !subs.containsValue(meetingId)) {
            leave(meetingId, h.getSessionId());
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        Map<String, String> subs = subscriptions.remove(event.getSessionId());
        if (subs != null) {
            subs.values().stream().distinct().forEach(m -> leave(m, event.getSessionId()));
        }
    }

    void editing(String meetingId, String sessionId, String username, String itemId) {
        meetings.computeIfAbsent(meetingId, k -> new ConcurrentHashMap<>()).put(sessionId, entry(username, itemId));
        broadcast(meetingId);
    }

    private void leave(String meetingId, String sessionId) {
        Map<String, Entry> here = meetings.get(meetingId);
        if (here != null && here.remove(sessionId) != null) {
            broadcast(meetingId);
        }
    }

    /** One line per user (several tabs count once), editing what any of their sessions edits. */
    Map<String, Object> snapshot(String meetingId) {
        Map<String, Map<String, Object>> byUser = new TreeMap<>();
        meetings.getOrDefault(meetingId, Map.of()).values().forEach(e -> {
            Map<String, Object> u = byUser.computeIfAbsent(e.username(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("username", e.username());
                m.put("displayName", e.displayName());
                m.put("editingItemId", null);
                return m;
            });
            if (e.editingItemId() != null) {
                u.put("editingItemId", e.editingItemId());
            }
        });
        return Map.of("users", new ArrayList<>(byUser.values()));
    }

    /** To everyone on /presence; to observers (on /presence/open) without edits of closed items. */
    @SuppressWarnings("unchecked")
    private void broadcast(String meetingId) {
        Map<String, Object> all = snapshot(meetingId);
        messaging.convertAndSend(PREFIX + meetingId + "/presence", all);
        Set<String> closed = views.json(MinutesProjection.NAME, meetingId, null).map(Presence::closedItems)
                .orElse(Set.of());
        List<Map<String, Object>> open = new ArrayList<>();
        for (Object user : (List<?>) all.get("users")) {
            Map<String, Object> u = new LinkedHashMap<>((Map<String, Object>) user);
            if (u.get("editingItemId") != null && closed.contains(u.get("editingItemId"))) {
                u.put("editingItemId", null);
            }
            open.add(u);
        }
        messaging.convertAndSend(PREFIX + meetingId + "/presence/" + Access.OPEN, Map.of("users", open));
    }

    private static Set<String> closedItems(JsonNode minutes) {
        Set<String> closed = new HashSet<>();
        minutes.path("items").forEach(i -> {
            if (Visibility.CLOSED.name().equals(i.path("visibility").asText())) {
                closed.add(i.path("id").asText());
            }
        });
        return closed;
    }

    private Entry entry(String username, String editing) {
        String display = users.find(username).map(Users.Account::displayName).orElse(username);
        return new Entry(username, display, editing);
    }

    /** The meeting of a feed subscription (/topic/meetings/{id} or its open variant), else null. */
    private static String meetingOf(String destination) {
        if (destination == null || !destination.startsWith(PREFIX)) {
            return null;
        }
        String rest = destination.substring(PREFIX.length());
        List<String> parts = List.of(rest.split("/"));
        if (parts.size() == 1 || (parts.size() == 2 && parts.get(1).equals("open"))) {
            return parts.get(0);
        }
        return null;
    }
}
