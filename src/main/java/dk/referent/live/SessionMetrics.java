package dk.referent.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** referent_websocket_sessions and referent_websocket_subscriptions: open STOMP sessions and their subscriptions. */
@Component
class SessionMetrics {

    private final Map<String, AtomicInteger> subscriptionsBySession = new ConcurrentHashMap<>();

    SessionMetrics(MeterRegistry registry) {
        Gauge.builder("referent.websocket.sessions", subscriptionsBySession, Map::size)
                .description("open STOMP sessions").register(registry);
        Gauge.builder("referent.websocket.subscriptions", subscriptionsBySession,
                m -> m.values().stream().mapToInt(AtomicInteger::get).sum())
                .description("subscriptions of the open STOMP sessions").register(registry);
    }

    @EventListener
    void connected(SessionConnectedEvent e) {
        subscriptionsBySession.putIfAbsent(StompHeaderAccessor.wrap(e.getMessage()).getSessionId(), new AtomicInteger());
    }

    @EventListener
    void subscribed(SessionSubscribeEvent e) {
        subscriptionsBySession.computeIfAbsent(StompHeaderAccessor.wrap(e.getMessage()).getSessionId(),
                k -> new AtomicInteger()).incrementAndGet();
    }

    @EventListener
    void unsubscribed(SessionUnsubscribeEvent e) {
        AtomicInteger n = subscriptionsBySession.get(StompHeaderAccessor.wrap(e.getMessage()).getSessionId());
        if (n != null && n.get() > 0) {
            n.decrementAndGet();
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent e) {
        subscriptionsBySession.remove(e.getSessionId());
    }
}
