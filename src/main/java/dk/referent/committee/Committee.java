package dk.referent.committee;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import dk.referent.committee.api.AccessGranted;
import dk.referent.committee.api.AccessRole;
import dk.referent.committee.api.AddMember;
import dk.referent.committee.api.AddOrganisation;
import dk.referent.committee.api.CommitteeCreated;
import dk.referent.committee.api.CreateCommittee;
import dk.referent.committee.api.GrantAccess;
import dk.referent.committee.api.MemberAdded;
import dk.referent.committee.api.MemberInfo;
import dk.referent.committee.api.OrganisationAdded;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.RuleViolation;

/**
 * A committee: its organisations, its seats (members and vacancies) and who may use it. Command handlers check
 * the rules and apply; event sourcing handlers only assign. Handlers other than creation answer the aggregate's
 * version after the command (the number of events in its stream).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
class Committee {

    @AggregateIdentifier
    private String committeeId;
    private String name;
    private final List<String> organisations = new ArrayList<>();
    private final Map<String, MemberInfo> members = new LinkedHashMap<>();
    private final Map<String, AccessRole> access = new HashMap<>();

    Committee() {
        // for Axon
    }

    @CommandHandler
    Committee(CreateCommittee command) {
        if (command.committeeId() == null || command.committeeId().isBlank()) {
            throw new InvalidInput("committeeId", "must not be blank");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidInput("name", "must not be blank");
        }
        List<String> organisations = command.organisations() == null ? List.of() : command.organisations();
        var seen = new HashSet<String>();
        for (String organisation : organisations) {
            if (organisation == null || organisation.isBlank()) {
                throw new InvalidInput("organisations", "an organisation must not be blank");
            }
            if (!seen.add(organisation)) {
                throw new InvalidInput("organisations", "'" + organisation + "' is named twice");
            }
        }
        apply(new CommitteeCreated(command.committeeId(), command.name(), List.copyOf(organisations)));
    }

    @CommandHandler
    Long handle(AddOrganisation command) {
        if (command.organisation() == null || command.organisation().isBlank()) {
            throw new InvalidInput("organisation", "must not be blank");
        }
        if (organisations.contains(command.organisation())) {
            return version();
        }
        apply(new OrganisationAdded(committeeId, command.organisation()));
        return version();
    }

    @CommandHandler
    Long handle(AddMember command) {
        if (command.memberId() == null || command.memberId().isBlank()) {
            throw new InvalidInput("memberId", "must not be blank");
        }
        if (members.containsKey(command.memberId())) {
            throw new RuleViolation("The committee already has a member with id " + command.memberId());
        }
        if (command.organisation() == null || !organisations.contains(command.organisation())) {
            throw new InvalidInput("organisation", "must be one of the committee's organisations " + organisations);
        }
        if (command.role() == null) {
            throw new InvalidInput("role", "is required");
        }
        String memberName = command.name() == null || command.name().isBlank() ? null : command.name();
        apply(new MemberAdded(committeeId, command.memberId(), memberName, command.title(), command.organisation(),
                command.role()));
        return version();
    }

    @CommandHandler
    Long handle(GrantAccess command) {
        if (command.username() == null || command.username().isBlank()) {
            throw new InvalidInput("username", "must not be blank");
        }
        if (command.role() == null) {
            throw new InvalidInput("role", "is required");
        }
        AccessRole previous = access.get(command.username());
        if (previous == command.role()) {
            return version();
        }
        apply(new AccessGranted(committeeId, command.username(), command.role(), previous));
        return version();
    }

    @EventSourcingHandler
    void on(CommitteeCreated event) {
        committeeId = event.committeeId();
        name = event.name();
        organisations.addAll(event.organisations());
    }

    @EventSourcingHandler
    void on(OrganisationAdded event) {
        organisations.add(event.organisation());
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        members.put(event.memberId(), new MemberInfo(event.memberId(), event.name(), event.title(),
                event.organisation(), event.role()));
    }

    @EventSourcingHandler
    void on(AccessGranted event) {
        access.put(event.username(), event.role());
    }

    // Read-only questions, for code outside commands (through Committees)

    /** False when the stream loaded under this id is not a committee's (Axon normally refuses to load it). */
    boolean exists() {
        return committeeId != null;
    }

    String name() {
        return name;
    }

    List<String> organisations() {
        return List.copyOf(organisations);
    }

    Optional<MemberInfo> member(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    Optional<AccessRole> access(String username) {
        return Optional.ofNullable(access.get(username));
    }

    /** The number of events in the stream: the last sequence number (0-based) plus one. */
    private static Long version() {
        Long last = AggregateLifecycle.getVersion();
        return last == null ? 0L : last + 1;
    }
}
