package dk.referent.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * Sends a change to every subscriber of its topic with one encoding of the STOMP frame, where Spring's simple
 * broker builds a message, its headers and a frame for each session (a fifth of the app's CPU with 2,000
 * sessions). The subscriptions stay the broker's: this asks its registry who is subscribed, and writes through the
 * same per-session decorator as Spring, so its send-time and buffer limits apply to both and a session's writes
 * never overlap.
 *
 * <p>The changes of one topic are sent in the order published, on one thread at a time (a lane per topic on a
 * small pool), so a subscriber receives a topic's versions in order. Different topics are sent in parallel. As with
 * Spring's own outbound threads, a write to a client that has stopped reading blocks its thread until the container
 * gives up and closes that session ({@link #BLOCKING_SEND_TIMEOUT_MS}); the other threads go on with the other
 * topics.
 */
final class LiveFanout implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveFanout.class);

    /**
     * How long one write to a client may block (its connection's buffers full: it has stopped reading for minutes)
     * before the container gives up and closes that session; Tomcat's default is 20 s. A lane waits that long once
     * for such a client, which then reconnects and catches up with GET …/changes?since=.
     */
    static final long BLOCKING_SEND_TIMEOUT_MS = 2_000;
    static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    /** Changes of one lane sent before it yields its thread to other topics. */
    private static final int LANE_BATCH = 16;

    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    /**
     * One lane per destination ever published to since the start (a meeting's or fund's topic and its observers'
     * variant), about 200 bytes each: kept, since dropping an idle lane while a change is being queued on it would
     * let two lanes of one topic send at once.
     */
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final String messageIdPrefix = UUID.randomUUID() + "-";
    private final AtomicLong messageIds = new AtomicLong();
    private volatile SubscriptionRegistry subscriptions;

    LiveFanout(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "live-fanout-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The simple broker's subscriptions; without them (a broker relay) this sends nothing and says so. */
    void useSubscriptions(SubscriptionRegistry registry) {
        this.subscriptions = registry;
    }

    boolean active() {
        return subscriptions != null;
    }

    /** A session as Spring's WebSocket handler writes to it (decorated), from its start to its end. */
    void opened(WebSocketSession session) {
        if (WebSocketSessionDecorator.unwrap(session) instanceof NativeWebSocketSession container) {
            jakarta.websocket.Session ws = container.getNativeSession(jakarta.websocket.Session.class);
            if (ws != null) {
                ws.getUserProperties().put(BLOCKING_SEND_TIMEOUT, BLOCKING_SEND_TIMEOUT_MS);
            }
        }
        sessions.put(session.getId(), session);
    }

    void closed(String sessionId) {
        sessions.remove(sessionId);
    }

    /**
     * Queues {@code json} for every subscriber of {@code destination}, after any change of the same destination
     * queued before it; {@code sent} runs once every subscriber's write has been made.
     */
    void send(String destination, byte[] json, Runnable sent) {
        lanes.computeIfAbsent(destination, Lane::new).offer(new Outgoing(json, sent));
    }

    private void deliver(String destination, Outgoing out) {
        SubscriptionRegistry registry = subscriptions;
        SimpMessageHeaderAccessor query = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        query.setDestination(destination);
        Message<byte[]> probe = MessageBuilder.createMessage(new byte[0], query.getMessageHeaders());
        MultiValueMap<String, String> subscribers = registry.findSubscriptions(probe);
        if (!subscribers.isEmpty()) {
            String messageId = messageIdPrefix + messageIds.incrementAndGet();
            Map<String, TextMessage> framesBySubscription = new java.util.HashMap<>(4);
            for (Map.Entry<String, List<String>> e : subscribers.entrySet()) {
                WebSocketSession session = sessions.get(e.getKey());
                if (session == null) {
                    continue;
                }
                for (String subscriptionId : e.getValue()) {
                    TextMessage frame = framesBySubscription.computeIfAbsent(subscriptionId,
                            id -> new TextMessage(frame(destination, id, messageId, out.json())));
                    if (!write(session, frame)) {
                        break;
                    }
                }
            }
        }
        out.sent().run();
    }

    private static boolean write(WebSocketSession session, TextMessage frame) {
        try {
            session.sendMessage(frame);
            return true;
        } catch (SessionLimitExceededException ex) {
            // the client has not taken its messages for too long or too many of them: as Spring's handler does
            log.debug("Closing {}: {}", session.getId(), ex.getMessage());
            try {
                session.close(ex.getStatus());
            } catch (IOException closing) {
                log.debug("Closing {} failed", session.getId(), closing);
            }
            return false;
        } catch (IOException | IllegalStateException ex) {
            // the session is closing; it catches up with GET …/changes when it comes back
            log.debug("Failed to send to {}: {}", session.getId(), ex.getMessage());
            return false;
        }
    }

    /** A STOMP 1.2 MESSAGE frame, as Spring's encoder writes it for its broker, as UTF-8 bytes. */
    static byte[] frame(String destination, String subscriptionId, String messageId, byte[] body) {
        String head = "MESSAGE\ndestination:" + escape(destination)
                + "\ncontent-type:application/json\nsubscription:" + escape(subscriptionId)
                + "\nmessage-id:" + escape(messageId)
                + "\ncontent-length:" + body.length + "\n\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[h.length + body.length + 1];
        System.arraycopy(h, 0, frame, 0, h.length);
        System.arraycopy(body, 0, frame, h.length, body.length);
        return frame; // ends in the NUL octet
    }

    /** STOMP 1.2 header escaping: backslash, colon, line feed and carriage return. */
    static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ':' -> sb.append("\\c");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private record Outgoing(byte[] json, Runnable sent) {
    }

    /** The changes of one destination waiting to be sent; at most one thread sends them at a time. */
    private final class Lane implements Runnable {

        private final String destination;
        private final Queue<Outgoing> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(String destination) {
            this.destination = destination;
        }

        void offer(Outgoing out) {
            queue.add(out);
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    pool.execute(this);
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    scheduled.set(false);
                }
            }
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < LANE_BATCH; i++) {
                    Outgoing out = queue.poll();
                    if (out == null) {
                        break;
                    }
                    try {
                        deliver(destination, out);
                    } catch (RuntimeException ex) {
                        log.warn("Live message to {} not sent", destination, ex);
                    }
                }
            } finally {
                scheduled.set(false);
            }
            if (!queue.isEmpty()) {
                schedule();
            }
        }
    }
}
