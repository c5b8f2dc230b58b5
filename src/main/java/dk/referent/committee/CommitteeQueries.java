package dk.referent.committee;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.referent.security.Access;
import dk.referent.shared.NotFound;
import dk.referent.view.ViewStore;

/** Reading committees: one by id, and the ones the current user has access to. */
@RestController
class CommitteeQueries {

    private final ViewStore views;
    private final Access access;

    CommitteeQueries(ViewStore views, Access access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/committees/{cid}")
    ObjectNode committee(@PathVariable String cid) {
        access.requireRead(cid);
        return views.json(CommitteeProjection.NAME, cid, null).orElseThrow(() -> new NotFound("No committee " + cid));
    }

    @GetMapping("/api/committees")
    List<ObjectNode> mine() {
        List<ObjectNode> result = new ArrayList<>();
        views.all(CommitteeProjection.NAME).forEach((id, json) -> {
            if (access.role(id).isPresent()) {
                result.add(json);
            }
        });
        return result;
    }
}
