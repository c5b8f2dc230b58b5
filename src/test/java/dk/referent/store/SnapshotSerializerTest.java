package dk.referent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import dk.referent.committee.api.AddMember;
import dk.referent.committee.api.AddOrganisation;
import dk.referent.committee.api.CreateCommittee;
import dk.referent.committee.api.GrantAccess;
import dk.referent.demo.DemoMeeting;
import dk.referent.fund.DemoFund;
import dk.referent.meeting.api.RecordDecision;

/**
 * Snapshots must restore an aggregate exactly: the demo meeting, committee and fund (agenda, revisions, apologies,
 * guests, actions, budgets, splits) written with the snapshot serializer and read back equal the originals, field
 * by field.
 */
class SnapshotSerializerTest {

    private final Serializer serializer = AxonStoreConfig.snapshotSerializer();

    @Test
    void theDemoCommitteeSurvivesASnapshotRoundTrip() {
        List<Object> commands = DemoMeeting.commands().stream().filter(c -> c instanceof CreateCommittee
                || c instanceof AddMember || c instanceof AddOrganisation || c instanceof GrantAccess).toList();
        assertRoundTrip(aggregateClass("dk.referent.committee.Committee"), commands);
    }

    @Test
    void theDemoMeetingSurvivesASnapshotRoundTrip() {
        List<Object> commands = DemoMeeting.commands().stream()
                .filter(c -> c.getClass().getPackageName().equals("dk.referent.meeting.api")).toList();
        assertRoundTrip(aggregateClass("dk.referent.meeting.Meeting"), commands);
    }

    /** Older revisions of a decision are in the snapshot without their text (the meeting keeps the latest 50). */
    @Test
    void aMeetingWithALongDecisionHistorySurvivesASnapshotRoundTrip() {
        List<Object> commands = new java.util.ArrayList<>(DemoMeeting.commands().stream()
                .filter(c -> c.getClass().getPackageName().equals("dk.referent.meeting.api")).toList());
        RecordDecision first = commands.stream().filter(RecordDecision.class::isInstance)
                .map(RecordDecision.class::cast).findFirst().orElseThrow();
        int at = commands.indexOf(first) + 1;
        for (int revision = 1; revision <= 60; revision++) {
            commands.add(at++, new RecordDecision(first.meetingId(), first.itemId(),
                    first.text() + " Tilføjelse " + revision + ".", first.outcome(), revision, null));
        }
        assertRoundTrip(aggregateClass("dk.referent.meeting.Meeting"), commands);
    }

    @Test
    void theDemoFundSurvivesASnapshotRoundTrip() {
        assertRoundTrip(aggregateClass("dk.referent.fund.Fund"), DemoFund.commands("fund", "committee"));
    }

    private <T> void assertRoundTrip(Class<T> type, List<Object> commands) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(type);
        fixture.registerInjectableResource(new dk.referent.meeting.DecisionLog(fixture.getEventStore()));
        fixture.givenCommands(commands.subList(0, commands.size() - 1))
                .when(commands.get(commands.size() - 1))
                .expectSuccessfulHandlerExecution()
                .expectState(aggregate -> {
                    SerializedObject<byte[]> written = serializer.serialize(aggregate, byte[].class);
                    Object read = serializer.deserialize(written);
                    assertThat(read).usingRecursiveComparison().isEqualTo(aggregate);
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> aggregateClass(String name) {
        try {
            return (Class<T>) Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
