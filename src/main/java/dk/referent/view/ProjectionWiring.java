package dk.referent.view;

import java.util.List;
import java.util.function.BiFunction;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the {@link ProjectionBarrier} about every event published, so senders can wait for the projections. */
@Configuration(proxyBeanMethods = false)
class ProjectionWiring {

    @Bean
    SmartInitializingSingleton barrierOnPublish(EventStore eventStore, ProjectionBarrier barrier) {
        return () -> eventStore.registerDispatchInterceptor(new MessageDispatchInterceptor<EventMessage<?>>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    barrier.dispatched(event);
                    return event;
                };
            }
        });
    }
}
