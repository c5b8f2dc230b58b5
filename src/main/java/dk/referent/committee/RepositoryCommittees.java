package dk.referent.committee;

import java.util.Optional;
import java.util.function.Function;

import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import dk.referent.committee.api.AccessRole;
import dk.referent.committee.api.Committees;
import dk.referent.committee.api.MemberInfo;
import dk.referent.shared.Aggregates;
import dk.referent.shared.NotFound;

/** {@link Committees} answered by the Committee aggregate itself, loaded from its events. */
@Component
class RepositoryCommittees implements Committees {

    private final Repository<Committee> repository;

    RepositoryCommittees(Repository<Committee> repository) {
        this.repository = repository;
    }

    @Override
    public void requireExists(String committeeId) {
        ask(committeeId, Committee::exists);
    }

    @Override
    public Optional<MemberInfo> member(String committeeId, String memberId) {
        return ask(committeeId, c -> c.member(memberId));
    }

    @Override
    public Optional<AccessRole> access(String committeeId, String username) {
        return ask(committeeId, c -> c.access(username));
    }

    private <R> R ask(String committeeId, Function<Committee, R> question) {
        return Aggregates.read(repository, committeeId, "committee", committee -> {
            if (!committee.exists()) {
                throw new NotFound("No such committee: " + committeeId);
            }
            return question.apply(committee);
        });
    }
}
