package dk.referent.live;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dk.referent.security.Access;
import dk.referent.shared.NotFound;
import dk.referent.view.ViewStore;

/**
 * Authorises every frame a client sends: only an authenticated session, only destinations it may read, and at
 * most {@link #MAX_FRAMES_PER_SECOND} frames a second (a burst of twice that). Observers subscribing to a
 * meeting or a fund are quietly given its "open" feed, so they never receive a closed item (nor a fund's links
 * to the items that approved its budgets). A refused frame is
 * answered with a STOMP ERROR frame. Handlers run with the session's user as the security context.
 */
@Component
class LiveAuthorization implements ExecutorChannelInterceptor {

    static final int MAX_FRAMES_PER_SECOND = 20;

    private static final Pattern MEETING_TOPIC = Pattern.compile("/topic/meetings/([A-Za-z0-9._-]+)");
    private static final Pattern MEETING_PRESENCE = Pattern.compile("/topic/meetings/([A-Za-z0-9._-]+)/presence");
    private static final Pattern FUND_TOPIC = Pattern.compile("/topic/funds/([A-Za-z0-9._-]+)");
    private static final Pattern APP_MEETING = Pattern.compile("/app/meetings/([A-Za-z0-9._-]+)(/presence)?");
    private static final Pattern APP_FUND = Pattern.compile("/app/funds/([A-Za-z0-9._-]+)");
    private static final String USER_ERRORS = "/user/queue/errors";

    private final Access access;
    private final ViewStore views;
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

    LiveAuthorization(Access access, ViewStore views) {
        this.access = access;
        this.views = views;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.DISCONNECT) {
            limits.remove(stomp.getSessionId());
            return message;
        }
        Authentication user = authentication(stomp.getUser());
        if (user == null) {
            throw new MessageDeliveryException("Log in first");
        }
        if (command != StompCommand.SUBSCRIBE && command != StompCommand.SEND) {
            return message;
        }
        RateLimit limit = limits.computeIfAbsent(stomp.getSessionId(), k -> new RateLimit());
        if (!limit.take()) {
            throw new MessageDeliveryException("Too many messages; slow down");
        }
        String destination = stomp.getDestination();
        if (destination == null) {
            throw new MessageDeliveryException("No destination");
        }
        return withUser(user, () -> authorise(message, stomp, command, destination));
    }

    private Message<?> authorise(Message<?> message, StompHeaderAccessor stomp, StompCommand command,
                                 String destination) {
        try {
            if (command == StompCommand.SUBSCRIBE) {
                Matcher m;
                if (destination.equals(USER_ERRORS)) {
                    return message;
                } else if ((m = MEETING_PRESENCE.matcher(destination)).matches()) {
                    String audience = meetingAudience(m.group(1));
                    return audience == null ? message : redirect(message, stomp, destination + "/" + audience);
                } else if ((m = MEETING_TOPIC.matcher(destination)).matches()) {
                    String audience = meetingAudience(m.group(1));
                    return audience == null ? message : redirect(message, stomp, destination + "/" + audience);
                } else if ((m = FUND_TOPIC.matcher(destination)).matches()) {
                    String audience = access.requireRead(fundCommittee(m.group(1)));
                    return audience == null ? message : redirect(message, stomp, destination + "/" + audience);
                } else if ((m = APP_MEETING.matcher(destination)).matches() && m.group(2) == null) {
                    meetingAudience(m.group(1));
                    return message;
                } else if ((m = APP_FUND.matcher(destination)).matches()) {
                    access.requireRead(fundCommittee(m.group(1)));
                    return message;
                }
                throw new MessageDeliveryException("No such destination: " + destination);
            }
            Matcher m = APP_MEETING.matcher(destination);
            if (m.matches() && m.group(2) != null) {
                meetingAudience(m.group(1));
                return message;
            }
            throw new MessageDeliveryException("Cannot send to " + destination);
        } catch (NotFound e) {
            throw new MessageDeliveryException(e.getMessage());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            throw new MessageDeliveryException("You may not read " + destination);
        }
    }

    private String meetingAudience(String meetingId) {
        String committee = views.json(dk.referent.minutes.MinutesProjection.NAME, meetingId, null)
                .map(j -> j.path("committee").path("id").asText())
                .orElseThrow(() -> new NotFound("No meeting " + meetingId));
        return access.requireRead(committee);
    }

    private String fundCommittee(String fundId) {
        return views.json("fundstatus", fundId, null).map(j -> j.path("committeeId").asText())
                .orElseThrow(() -> new NotFound("No fund " + fundId));
    }

    private static Message<?> redirect(Message<?> message, StompHeaderAccessor stomp, String destination) {
        StompHeaderAccessor copy = StompHeaderAccessor.wrap(message);
        copy.setDestination(destination);
        copy.setLeaveMutable(true);
        return MessageBuilder.createMessage(message.getPayload(), copy.getMessageHeaders());
    }

    @Override
    public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        Authentication user = stomp == null ? null : authentication(stomp.getUser());
        if (user != null) {
            SecurityContextHolder.getContext().setAuthentication(user);
        }
        return message;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
                                    Exception ex) {
        SecurityContextHolder.clearContext();
    }

    private static Authentication authentication(Principal principal) {
        return principal instanceof Authentication a && a.isAuthenticated() ? a : null;
    }

    private static <T> T withUser(Authentication user, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(user);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** A token bucket per session. */
    static final class RateLimit {
        private double tokens = 2.0 * MAX_FRAMES_PER_SECOND;
        private long last = System.nanoTime();

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(2.0 * MAX_FRAMES_PER_SECOND, tokens + (now - last) / 1e9 * MAX_FRAMES_PER_SECOND);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
