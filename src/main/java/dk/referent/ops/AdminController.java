package dk.referent.ops;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.referent.security.Access;
import dk.referent.view.ProjectionAdmin;

/** Operations on the read models: a consistency check against the log, and a rebuild from it. Admin only. */
@RestController
class AdminController {

    private final ProjectionAdmin projections;
    private final Access access;

    AdminController(ProjectionAdmin projections, Access access) {
        this.projections = projections;
        this.access = access;
    }

    @GetMapping("/api/admin/consistency")
    ProjectionAdmin.Consistency consistency() {
        access.requireAdmin();
        return projections.check();
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    Map<String, Object> rebuild(@PathVariable String name) {
        access.requireAdmin();
        int applied = projections.rebuild(name);
        return Map.of("projection", name, "applied", applied);
    }
}
