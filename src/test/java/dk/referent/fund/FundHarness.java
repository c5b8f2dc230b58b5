package dk.referent.fund;

import java.util.List;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * The Fund aggregate behind a real (in-memory) Axon command bus and event store, for tests outside this package
 * that need the events a sequence of commands produces.
 */
public final class FundHarness implements AutoCloseable {

    private final Configuration config;

    public FundHarness() {
        config = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Fund.class)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        config.start();
    }

    /** Sends the command and returns its result; the handler's exception is rethrown. */
    public <R> R send(Object command) {
        return config.commandGateway().sendAndWait(command);
    }

    public List<? extends DomainEventMessage<?>> events(String aggregateId) {
        return config.eventStore().readEvents(aggregateId).asStream().toList();
    }

    @Override
    public void close() {
        config.shutdown();
    }
}
