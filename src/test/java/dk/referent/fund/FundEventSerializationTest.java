package dk.referent.fund;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The events are a stored contract: every event of the seed fund survives Axon's Jackson serializer unchanged. */
class FundEventSerializationTest {

    @Test
    void everyFundEventRoundTripsThroughJackson() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        try (FundHarness fund = new FundHarness()) {
            DemoFund.commands("f", "c").forEach(fund::send);
            assertThat(fund.events("f")).hasSizeGreaterThan(20).allSatisfy((DomainEventMessage<?> e) -> {
                SerializedObject<String> data = serializer.serialize(e.getPayload(), String.class);
                Object back = serializer.deserialize(data);
                assertThat(back).isEqualTo(e.getPayload());
            });
        }
    }
}
