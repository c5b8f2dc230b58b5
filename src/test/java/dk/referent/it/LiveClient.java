package dk.referent.it;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import com.fasterxml.jackson.databind.JsonNode;

/** A STOMP client as a browser tab would be: one WebSocket, subscriptions, frames as JSON. */
final class LiveClient implements AutoCloseable {

    final StompSession session;
    final BlockingQueue<String> errors;
    private final WebSocketStompClient client;

    private LiveClient(WebSocketStompClient client, StompSession session, BlockingQueue<String> errors) {
        this.client = client;
        this.session = session;
        this.errors = errors;
    }

    static LiveClient connect(int port, String user, String password, String origin) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new MappingJackson2MessageConverter());
        client.setInboundMessageSizeLimit(1024 * 1024);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (user != null) {
            headers.add("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.add("Origin", origin == null ? "http://localhost:" + port : origin);
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        StompSession session = client.connectAsync("ws://localhost:" + port + "/ws", headers,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders h, Object payload) {
                        errors.add(String.valueOf(h.getFirst("message")));
                    }

                    @Override
                    public void handleTransportError(StompSession s, Throwable exception) {
                        errors.add("transport: " + exception);
                    }
                }).get(10, TimeUnit.SECONDS);
        return new LiveClient(client, session, errors);
    }

    /** Subscribes; every frame arrives as parsed JSON in the returned queue. */
    BlockingQueue<JsonNode> subscribe(String destination) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add((JsonNode) payload);
            }
        });
        return frames;
    }

    /** The snapshot answered to a subscription of /app/… */
    JsonNode snapshot(String destination) throws InterruptedException {
        JsonNode s = subscribe(destination).poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no snapshot from " + destination + "; errors: " + errors);
        }
        return s;
    }

    void send(String destination, Object body) {
        session.send(destination, body);
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        client.stop();
    }
}
