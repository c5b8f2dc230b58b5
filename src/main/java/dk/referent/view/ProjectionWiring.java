package dk.referent.view;

import java.util.List;
import java.util.function.BiFunction;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the {@link ProjectionBarrier} about every event published, so senders can wait for the projections, and
 * whether the projection processor runs on this instance; has the processor store its views once per batch.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionWiring {

    @Bean
    SmartInitializingSingleton barrierKnowsWhereProjectionsRun(EventProcessingConfiguration processing,
                                                               ProjectionBarrier barrier) {
        return () -> barrier.processesHere(new ClaimWatch(processing));
    }

    /**
     * "Runs here" unless this instance has held no segment of the projection processor for 15 s: a processor
     * claims its segment within seconds of starting, so a short gap (start-up, a rebalance) still waits.
     */
    static final class ClaimWatch implements java.util.function.BooleanSupplier {
        private static final long GRACE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        private final EventProcessingConfiguration processing;
        private volatile long lastHeld = System.nanoTime();

        ClaimWatch(EventProcessingConfiguration processing) {
            this.processing = processing;
        }

        @Override
        public boolean getAsBoolean() {
            boolean held = processing.eventProcessor(ProjectionRunner.GROUP, TrackingEventProcessor.class)
                    .map(p -> !p.processingStatus().isEmpty()).orElse(true);
            long now = System.nanoTime();
            if (held) {
                lastHeld = now;
                return true;
            }
            return now - lastHeld < GRACE_NANOS;
        }
    }

    /** The projection processor stores each batch's views after its last event, before its token. */
    @Bean
    ConfigurerModule projectionsStoreEachBatch(ObjectProvider<ProjectionRunner> runner) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(ProjectionRunner.GROUP,
                c -> runner.getObject().flushAtEndOfBatch());
    }

    /**
     * A failure that reaches the processor from a projection (only the store's: ProjectionRunner handles a
     * projection that cannot apply an event) rolls the batch back, and the processor hands it again, after 1 s and
     * then after longer waits, up to a minute, until the store answers. Axon's default for event handlers would log
     * it and go on, and the read models would miss the batch's events for good.
     */
    @Bean
    ConfigurerModule projectionStoreFailuresRetry() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ProjectionRunner.GROUP, c -> PropagatingErrorHandler.instance());
    }

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
