package dk.referent.committee;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dk.referent.committee.api.AccessRole;
import dk.referent.committee.api.AddMember;
import dk.referent.committee.api.AddOrganisation;
import dk.referent.committee.api.CommitteeRole;
import dk.referent.committee.api.CreateCommittee;
import dk.referent.committee.api.GrantAccess;
import dk.referent.security.Access;
import dk.referent.security.CurrentUser;
import dk.referent.security.Users;
import dk.referent.shared.InvalidInput;
import dk.referent.web.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Committees, their organisations and members, and who may use them: HTTP → command. */
@RestController
@RequestMapping("/api/committees")
class CommitteeController {

    private final Commands commands;

    private final Access access;
    private final Users users;

    CommitteeController(Commands commands, Access access, Users users) {
        this.commands = commands;
        this.access = access;
        this.users = users;
    }

    record CreateCommitteeRequest(@NotBlank @Size(max = 500) String name,
                                  @NotNull @Size(max = 200) List<@NotBlank @Size(max = 500) String> organisations) {
    }

    /** {@code name} absent or blank: a vacant seat. */
    record AddMemberRequest(@Size(max = 500) String name, @Size(max = 500) String title,
                            @NotBlank @Size(max = 500) String organisation, @NotNull CommitteeRole role) {
    }

    record GrantAccessRequest(@NotNull AccessRole role) {
    }

    record AddOrganisationRequest(@NotBlank @Size(max = 500) String organisation) {
    }

    record Created(String id) {
    }

    record Changed(String id, long version) {
    }

    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody CreateCommitteeRequest body) {
        String id = UUID.randomUUID().toString();
        commands.send(new CreateCommittee(id, body.name(), body.organisations()));
        if (!CurrentUser.isAdmin()) {
            // whoever sets a committee up keeps its minutes until they hand that on
            commands.send(new GrantAccess(id, CurrentUser.name(), AccessRole.SECRETARY));
        }
        return ResponseEntity.created(location("/api/committees/{id}", id)).body(new Created(id));
    }

    @PostMapping("/{cid}/members")
    ResponseEntity<Created> addMember(@PathVariable String cid, @Valid @RequestBody AddMemberRequest body) {
        access.requireEdit(cid);
        String id = UUID.randomUUID().toString();
        commands.send(new AddMember(cid, id, body.name(), body.title(), body.organisation(), body.role()));
        return ResponseEntity.created(location("/api/committees/{cid}/members/{id}", cid, id)).body(new Created(id));
    }

    @PutMapping("/{cid}/access/{username}")
    Changed grantAccess(@PathVariable String cid, @PathVariable String username,
                        @Valid @RequestBody GrantAccessRequest body) {
        access.requireEdit(cid);
        if (users.find(username).isEmpty()) {
            throw new InvalidInput("username", "no user named " + username + " (the admin creates users first)");
        }
        Long version = commands.send(new GrantAccess(cid, username, body.role()));
        return new Changed(cid, version);
    }

    @PostMapping("/{cid}/organisations")
    Changed addOrganisation(@PathVariable String cid, @Valid @RequestBody AddOrganisationRequest body) {
        access.requireEdit(cid);
        Long version = commands.send(new AddOrganisation(cid, body.organisation()));
        return new Changed(cid, version);
    }

    private static URI location(String path, Object... ids) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(ids).toUri();
    }
}
