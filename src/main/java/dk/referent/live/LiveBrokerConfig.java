package dk.referent.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.user.UserDestinationResolver;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP configuration (what {@code @EnableWebSocketMessageBroker} imports, set up by {@link LiveConfig}),
 * with two additions for {@link LiveFanout}: it learns each session as Spring's handler writes to it, and the
 * simple broker's subscriptions. With a broker relay there is no simple broker and live changes go through the
 * relay as before.
 */
@Configuration(proxyBeanMethods = false)
class LiveBrokerConfig extends DelegatingWebSocketMessageBrokerConfiguration {

    private final LiveFanout fanout;

    LiveBrokerConfig(@Value("${referent.live.fanout-threads:0}") int threads) {
        this.fanout = new LiveFanout(threads > 0 ? threads : 2 * Runtime.getRuntime().availableProcessors());
    }

    @Bean(destroyMethod = "close")
    LiveFanout liveFanout() {
        return fanout;
    }

    @Override
    @Bean
    public WebSocketHandler subProtocolWebSocketHandler(AbstractSubscribableChannel clientInboundChannel,
                                                        AbstractSubscribableChannel clientOutboundChannel) {
        return new SubProtocolWebSocketHandler(clientInboundChannel, clientOutboundChannel) {
            @Override
            protected WebSocketSession decorateSession(WebSocketSession session) {
                WebSocketSession decorated = super.decorateSession(session);
                fanout.opened(decorated);
                return decorated;
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                fanout.closed(session.getId());
                super.afterConnectionClosed(session, closeStatus);
            }
        };
    }

    @Override
    @Bean
    public AbstractBrokerMessageHandler simpleBrokerMessageHandler(AbstractSubscribableChannel clientInboundChannel,
                                                                   AbstractSubscribableChannel clientOutboundChannel,
                                                                   AbstractSubscribableChannel brokerChannel,
                                                                   UserDestinationResolver userDestinationResolver) {
        AbstractBrokerMessageHandler handler = super.simpleBrokerMessageHandler(clientInboundChannel,
                clientOutboundChannel, brokerChannel, userDestinationResolver);
        if (handler instanceof SimpleBrokerMessageHandler simple) {
            fanout.useSubscriptions(simple.getSubscriptionRegistry());
        }
        return handler;
    }
}
