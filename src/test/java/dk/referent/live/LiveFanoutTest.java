package dk.referent.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

class LiveFanoutTest {

    private final LiveFanout fanout = new LiveFanout(4);
    private final DefaultSubscriptionRegistry registry = new DefaultSubscriptionRegistry();
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    @AfterEach
    void close() throws InterruptedException {
        fanout.close();
    }

    @Test
    void aFrameIsWhatSpringsStompDecoderReadsBack() {
        String body = "{\"type\":\"DecisionRecorded\",\"patch\":[{\"op\":\"add\",\"path\":\"/a\",\"value\":\"Ærø\"}]}";
        byte[] frame = LiveFanout.frame("/topic/meetings/m-1", "sub:0\\x\ny", "id-7", body.getBytes(StandardCharsets.UTF_8));

        List<Message<byte[]>> decoded = new StompDecoder().decode(ByteBuffer.wrap(frame));

        assertThat(decoded).hasSize(1);
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(decoded.get(0));
        assertThat(headers.getCommand()).isEqualTo(StompCommand.MESSAGE);
        assertThat(headers.getDestination()).isEqualTo("/topic/meetings/m-1");
        assertThat(headers.getSubscriptionId()).isEqualTo("sub:0\\x\ny");
        assertThat(headers.getMessageId()).isEqualTo("id-7");
        assertThat(headers.getContentType()).hasToString("application/json");
        assertThat(headers.getContentLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(new String(decoded.get(0).getPayload(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void everySubscriberGetsItsTopicsChangesInTheOrderPublished() throws Exception {
        fanout.useSubscriptions(registry);
        WebSocketSession a = session("a");
        WebSocketSession b = session("b");
        WebSocketSession c = session("c");
        subscribe("a", "s1", "/topic/meetings/1");
        subscribe("b", "s1", "/topic/meetings/1");
        subscribe("b", "s2", "/topic/meetings/2");
        subscribe("c", "s9", "/topic/meetings/2");
        List.of(a, b, c).forEach(fanout::opened);
        int n = 300;
        CountDownLatch sent = new CountDownLatch(2 * n);

        for (int i = 1; i <= n; i++) {
            fanout.send("/topic/meetings/1", ("{\"version\":" + i + "}").getBytes(StandardCharsets.UTF_8), sent::countDown);
            fanout.send("/topic/meetings/2", ("{\"version\":" + i + "}").getBytes(StandardCharsets.UTF_8), sent::countDown);
        }

        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            expected.add("{\"version\":" + i + "}");
        }
        assertThat(bodies("a", "/topic/meetings/1")).isEqualTo(expected);
        assertThat(bodies("b", "/topic/meetings/1")).isEqualTo(expected);
        assertThat(bodies("b", "/topic/meetings/2")).isEqualTo(expected);
        assertThat(bodies("c", "/topic/meetings/2")).isEqualTo(expected);
        assertThat(received.get("a")).hasSize(n);
        assertThat(received.get("b")).hasSize(2 * n);
    }

    @Test
    void aSessionOverItsLimitsIsClosedAndTheOthersStillGetTheChange() throws Exception {
        fanout.useSubscriptions(registry);
        WebSocketSession slow = mock(WebSocketSession.class);
        when(slow.getId()).thenReturn("slow");
        doThrow(new SessionLimitExceededException("buffer full", CloseStatus.SESSION_NOT_RELIABLE))
                .when(slow).sendMessage(any());
        WebSocketSession ok = session("ok");
        subscribe("slow", "s", "/topic/funds/f");
        subscribe("ok", "s", "/topic/funds/f");
        fanout.opened(slow);
        fanout.opened(ok);
        CountDownLatch sent = new CountDownLatch(1);

        fanout.send("/topic/funds/f", "{}".getBytes(StandardCharsets.UTF_8), sent::countDown);

        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        verify(slow).close(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(received.get("ok")).hasSize(1);
    }

    @Test
    void aClosedSessionGetsNothingAndAnUnsubscribedTopicReachesNoOne() throws Exception {
        fanout.useSubscriptions(registry);
        WebSocketSession gone = session("gone");
        subscribe("gone", "s", "/topic/meetings/1");
        fanout.opened(gone);
        fanout.closed("gone");
        CountDownLatch sent = new CountDownLatch(2);

        fanout.send("/topic/meetings/1", "{}".getBytes(StandardCharsets.UTF_8), sent::countDown);
        fanout.send("/topic/meetings/nobody", "{}".getBytes(StandardCharsets.UTF_8), sent::countDown);

        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received).doesNotContainKey("gone");
    }

    @Test
    void aWriteToAClientThatStoppedReadingBlocksForTwoSecondsAtMost() {
        Map<String, Object> containerProperties = new java.util.HashMap<>();
        jakarta.websocket.Session container = mock(jakarta.websocket.Session.class);
        when(container.getUserProperties()).thenReturn(containerProperties);
        StandardWebSocketSession session = new StandardWebSocketSession(null, null, null, null);
        session.initializeNativeSession(container);

        fanout.opened(new ConcurrentWebSocketSessionDecorator(session, 10_000, 512 * 1024));

        assertThat(containerProperties).containsEntry("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", 2_000L);
    }

    @Test
    void withoutTheSimpleBrokersSubscriptionsItIsNotActive() {
        assertThat(fanout.active()).isFalse();
        fanout.useSubscriptions(registry);
        assertThat(fanout.active()).isTrue();
    }

    /** A session that records the frames written to it, as "destination body". */
    private WebSocketSession session(String id) throws Exception {
        WebSocketSession session = mock(WebSocketSession.class);
        when(session.getId()).thenReturn(id);
        doAnswer(call -> {
            TextMessage frame = call.getArgument(0);
            Message<byte[]> m = new StompDecoder().decode(ByteBuffer.wrap(frame.asBytes())).get(0);
            String destination = StompHeaderAccessor.wrap(m).getDestination();
            received.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(destination + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
            return null;
        }).when(session).sendMessage(any());
        return session;
    }

    private List<String> bodies(String session, String destination) {
        return received.getOrDefault(session, List.of()).stream().filter(s -> s.startsWith(destination + " "))
                .map(s -> s.substring(destination.length() + 1)).toList();
    }

    private void subscribe(String session, String subscription, String destination) {
        SimpMessageHeaderAccessor h = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        h.setSessionId(session);
        h.setSubscriptionId(subscription);
        h.setDestination(destination);
        registry.registerSubscription(MessageBuilder.createMessage(new byte[0], h.getMessageHeaders()));
    }
}
