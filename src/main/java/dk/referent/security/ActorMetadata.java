package dk.referent.security;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who did it: every command is stamped with the authenticated user ({@code actor}) when it is sent, never with
 * anything from the request body, and every event a command causes carries that actor and the command's id as
 * {@code correlationId} in its metadata.
 */
@Configuration(proxyBeanMethods = false)
class ActorMetadata {

    static final String ACTOR = "actor";

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    @Bean
    SmartInitializingSingleton stampActorOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new ActorInterceptor());
    }

    static final class ActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> command.getMetaData().containsKey(ACTOR) && CurrentUser.SYSTEM.equals(
                    CurrentUser.name()) ? command : command.andMetaData(Map.of(ACTOR, CurrentUser.name()));
        }
    }
}
