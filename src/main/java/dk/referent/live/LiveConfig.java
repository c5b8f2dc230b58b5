package dk.referent.live;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over WebSocket at /ws. The in-memory simple broker is the default; with
 * {@code referent.broker.relay-host} set, messages go through an external STOMP broker (RabbitMQ with its STOMP
 * plugin) so that several instances reach every subscriber. The handshake needs an authenticated user (HTTP
 * security) and the app's own Origin or one of {@code referent.allowed-origins}; every SUBSCRIBE and SEND is
 * authorised by {@link LiveAuthorization}. {@link LiveBrokerConfig} applies this configuration (in place of
 * {@code @EnableWebSocketMessageBroker}).
 */
@Configuration(proxyBeanMethods = false)
class LiveConfig implements WebSocketMessageBrokerConfigurer {

    static final int MAX_FRAME_BYTES = 64 * 1024;

    private final String[] allowedOrigins;
    private final String relayHost;
    private final int relayPort;
    private final String relayLogin;
    private final String relayPasscode;
    private final LiveAuthorization authorization;

    LiveConfig(@Value("${referent.allowed-origins:}") String allowedOrigins,
               @Value("${referent.broker.relay-host:}") String relayHost,
               @Value("${referent.broker.relay-port:61613}") int relayPort,
               @Value("${referent.broker.login:guest}") String relayLogin,
               @Value("${referent.broker.passcode:guest}") String relayPasscode,
               LiveAuthorization authorization) {
        this.allowedOrigins = Arrays.stream(allowedOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        this.relayHost = relayHost;
        this.relayPort = relayPort;
        this.relayLogin = relayLogin;
        this.relayPasscode = relayPasscode;
        this.authorization = authorization;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // same origin is always allowed; these are the extra ones
        registry.addEndpoint("/ws").setAllowedOrigins(allowedOrigins);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        if (relayHost == null || relayHost.isBlank()) {
            registry.enableSimpleBroker("/topic", "/queue");
        } else {
            registry.enableStompBrokerRelay("/topic", "/queue")
                    .setRelayHost(relayHost).setRelayPort(relayPort)
                    .setClientLogin(relayLogin).setClientPasscode(relayPasscode)
                    .setSystemLogin(relayLogin).setSystemPasscode(relayPasscode);
        }
    }

    /**
     * STOMP frames over {@link #MAX_FRAME_BYTES} are refused. In front of that, the servlet container (Tomcat)
     * reads a text message into a buffer of its default 8 KB and closes the connection (1009) on a larger one, so
     * in practice a client frame is limited to 8 KB: ample for SUBSCRIBE and presence, the only frames clients send.
     * Raising the container's buffer would cost that much memory on every open connection.
     */
    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(MAX_FRAME_BYTES)
                .setSendBufferSizeLimit(512 * 1024)
                .setSendTimeLimit(10_000);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorization);
    }
}
