package dk.referent.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.referent.committee.api.AccessGranted;
import dk.referent.committee.api.AccessRole;
import dk.referent.committee.api.AddMember;
import dk.referent.committee.api.AddOrganisation;
import dk.referent.committee.api.CommitteeCreated;
import dk.referent.committee.api.CommitteeRole;
import dk.referent.committee.api.CreateCommittee;
import dk.referent.committee.api.GrantAccess;
import dk.referent.committee.api.MemberAdded;
import dk.referent.committee.api.MemberInfo;
import dk.referent.committee.api.OrganisationAdded;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.RuleViolation;

class CommitteeTest {

    private static final String C = "c-1";
    private static final String REGION = "Region Midtjylland";
    private static final String HOSPITAL = "Hospitalsenhed Midt";
    private static final CommitteeCreated CREATED = new CommitteeCreated(C, "Midtklyngens styregruppe",
            List.of(REGION, HOSPITAL));

    private FixtureConfiguration<Committee> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Committee.class);
    }

    static Matcher<Object> invalidField(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInput i && field.equals(i.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput on field ").appendValue(field);
            }
        };
    }

    // creation

    @Test
    void createsCommitteeWithItsOrganisations() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommittee(C, "Midtklyngens styregruppe", List.of(REGION, HOSPITAL)))
                .expectEvents(CREATED);
    }

    @Test
    void createsCommitteeWithoutOrganisations() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommittee(C, "Styregruppe", null))
                .expectEvents(new CommitteeCreated(C, "Styregruppe", List.of()));
    }

    @Test
    void cannotCreateCommitteeWithBlankName() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommittee(C, "  ", List.of(REGION)))
                .expectNoEvents()
                .expectException(invalidField("name"))
                .expectExceptionMessage("must not be blank");
    }

    @Test
    void cannotCreateCommitteeWithBlankOrganisation() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommittee(C, "Styregruppe", List.of(REGION, " ")))
                .expectNoEvents()
                .expectException(invalidField("organisations"));
    }

    @Test
    void cannotCreateCommitteeNamingAnOrganisationTwice() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommittee(C, "Styregruppe", List.of(REGION, HOSPITAL, REGION)))
                .expectNoEvents()
                .expectException(invalidField("organisations"))
                .expectExceptionMessage("'" + REGION + "' is named twice");
    }

    // organisations

    @Test
    void addsOrganisationAndAnswersNewVersion() {
        fixture.given(CREATED)
                .when(new AddOrganisation(C, "Praksissektoren"))
                .expectEvents(new OrganisationAdded(C, "Praksissektoren"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void addingKnownOrganisationAgainChangesNothing() {
        fixture.given(CREATED)
                .when(new AddOrganisation(C, REGION))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotAddBlankOrganisation() {
        fixture.given(CREATED)
                .when(new AddOrganisation(C, ""))
                .expectNoEvents()
                .expectException(invalidField("organisation"));
    }

    // members

    @Test
    void addsMemberOfOneOfTheOrganisations() {
        fixture.given(CREATED)
                .when(new AddMember(C, "m-1", "Anne Jensen", "Direktør", REGION, CommitteeRole.CHAIR))
                .expectEvents(new MemberAdded(C, "m-1", "Anne Jensen", "Direktør", REGION, CommitteeRole.CHAIR))
                .expectResultMessagePayload(2L);
    }

    @Test
    void memberWithoutNameIsAVacancy() {
        fixture.given(CREATED)
                .when(new AddMember(C, "m-1", "  ", "Praktiserende læge", HOSPITAL, CommitteeRole.MEMBER))
                .expectEvents(new MemberAdded(C, "m-1", null, "Praktiserende læge", HOSPITAL, CommitteeRole.MEMBER));
    }

    @Test
    void cannotAddMemberOfUnknownOrganisation() {
        fixture.given(CREATED)
                .when(new AddMember(C, "m-1", "Anne Jensen", null, "Region Nordjylland", CommitteeRole.MEMBER))
                .expectNoEvents()
                .expectException(InvalidInput.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("must be one of the committee's"));
    }

    @Test
    void unknownOrganisationIsReportedOnTheOrganisationField() {
        fixture.given(CREATED)
                .when(new AddMember(C, "m-1", "Anne Jensen", null, "Region Nordjylland", CommitteeRole.MEMBER))
                .expectException(invalidField("organisation"));
    }

    @Test
    void cannotAddMemberWithoutRole() {
        fixture.given(CREATED)
                .when(new AddMember(C, "m-1", "Anne Jensen", null, REGION, null))
                .expectNoEvents()
                .expectException(invalidField("role"));
    }

    @Test
    void cannotAddMemberIdTwice() {
        fixture.given(CREATED, new MemberAdded(C, "m-1", "Anne Jensen", null, REGION, CommitteeRole.CHAIR))
                .when(new AddMember(C, "m-1", "Bo Hansen", null, HOSPITAL, CommitteeRole.MEMBER))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void canAddMemberOfAnAddedOrganisation() {
        fixture.given(CREATED, new OrganisationAdded(C, "Patientrepræsentanter"))
                .when(new AddMember(C, "m-1", "Åse Ørum", null, "Patientrepræsentanter", CommitteeRole.MEMBER))
                .expectEvents(new MemberAdded(C, "m-1", "Åse Ørum", null, "Patientrepræsentanter",
                        CommitteeRole.MEMBER))
                .expectResultMessagePayload(3L);
    }

    @Test
    void answersWhoSitsInTheCommittee() {
        fixture.given(CREATED, new MemberAdded(C, "m-1", "Anne Jensen", "Direktør", REGION, CommitteeRole.CHAIR))
                .when(new AddOrganisation(C, REGION))
                .expectState(committee -> {
                    assertThat(committee.member("m-1")).contains(
                            new MemberInfo("m-1", "Anne Jensen", "Direktør", REGION, CommitteeRole.CHAIR));
                    assertThat(committee.member("m-2")).isEmpty();
                });
    }

    // access

    @Test
    void grantsAccess() {
        fixture.given(CREATED)
                .when(new GrantAccess(C, "sekretær", AccessRole.SECRETARY))
                .expectEvents(new AccessGranted(C, "sekretær", AccessRole.SECRETARY, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void changingAccessRoleNamesThePreviousOne() {
        fixture.given(CREATED, new AccessGranted(C, "anne", AccessRole.OBSERVER, null))
                .when(new GrantAccess(C, "anne", AccessRole.MEMBER))
                .expectEvents(new AccessGranted(C, "anne", AccessRole.MEMBER, AccessRole.OBSERVER));
    }

    @Test
    void regrantingTheSameRoleChangesNothing() {
        fixture.given(CREATED, new AccessGranted(C, "anne", AccessRole.MEMBER, null))
                .when(new GrantAccess(C, "anne", AccessRole.MEMBER))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotGrantAccessWithoutRole() {
        fixture.given(CREATED)
                .when(new GrantAccess(C, "anne", null))
                .expectNoEvents()
                .expectException(invalidField("role"));
    }

    @Test
    void cannotGrantAccessToBlankUsername() {
        fixture.given(CREATED)
                .when(new GrantAccess(C, " ", AccessRole.MEMBER))
                .expectNoEvents()
                .expectException(invalidField("username"));
    }

    @Test
    void streamOfAnotherAggregateIsNoCommittee() {
        fixture.given(new OrganisationAdded("other", "not a committee's first event"))
                .when(new GrantAccess(C, "anne", AccessRole.MEMBER))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
    }
}
