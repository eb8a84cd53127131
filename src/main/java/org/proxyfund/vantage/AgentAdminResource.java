package org.proxyfund.vantage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.Principal;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.web.Bundles;
import org.proxyfund.web.Pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Admin pages for probe agents: the list with last contact, volume, agreement with their region and impairment;
 * creation with the one-time token; revocation; control endpoints (mark, unmark).
 */
@Path("/admin/agents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AgentAdminResource {

    /** As {@code {t.utc}} shows moments in templates. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> rows, String notice, AgentService.Created created, String serviceUrl,
                                            List<FieldError> errors, List<Controls.Control> controls);
    }

    /** An agent with its standing (null when it has no results or impairments in the window). */
    public record Row(Agent agent, AgentStanding.Standing standing) {
    }

    @Inject
    Controls controls;

    @Inject
    AgentStanding standing;

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    AgentService agents;

    @Inject
    VantageConfig config;

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return page(null, null, List.of());
    }

    @POST
    @Operation(hidden = true)
    public TemplateInstance create(@RestForm String name, @RestForm String region, @RestForm String networkLabel) {
        AgentDraft draft = new AgentDraft(name, region, networkLabel);
        List<FieldError> problems = draft.problems();
        if (!problems.isEmpty()) return page(null, null, problems);
        Instant now = Instant.now();
        AgentService.Created created = agents.create(draft, actor(), now);
        String expires = UTC.format(now.plus(config.enrollmentTokenTtl()));
        return page(messages().created_notice(draft.name(), expires), created, List.of());
    }

    @POST
    @Path("{id}/revoke")
    @Operation(hidden = true)
    public TemplateInstance revoke(@RestPath long id) {
        boolean done = agents.revoke(id, actor(), Instant.now());
        return page(done ? messages().revoked_notice(id) : messages().revoke_refused(id), null, List.of());
    }

    @POST
    @Path("controls")
    @Operation(hidden = true)
    public TemplateInstance markControl(@RestForm String endpointId) {
        long id;
        try {
            id = Long.parseLong(endpointId == null ? "" : endpointId.strip());
        } catch (NumberFormatException e) {
            return page(messages().control_refused("UNKNOWN_OR_NOT_APPROVED"), null, List.of());
        }
        Controls.Refusal refusal = controls.mark(id, actor(), Instant.now());
        return page(refusal == null ? messages().control_marked(id) : messages().control_refused(refusal.name()), null, List.of());
    }

    @POST
    @Path("controls/{id}/unmark")
    @Operation(hidden = true)
    public TemplateInstance unmarkControl(@RestPath long id) {
        boolean done = controls.unmark(id, actor());
        return page(done ? messages().control_unmarked(id) : messages().control_refused("UNKNOWN_OR_NOT_APPROVED"), null, List.of());
    }

    private TemplateInstance page(String notice, AgentService.Created created, List<FieldError> errors) {
        String base = uri.getBaseUri().toString();
        String serviceUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        java.util.Map<Long, AgentStanding.Standing> standings = standing.all(Instant.now());
        List<Row> rows = agents.list().stream().map(a -> new Row(a, standings.get(a.id()))).toList();
        return pages.page(Templates.list(rows, notice, created, serviceUrl, errors, controls.list()));
    }

    private Actor actor() {
        Principal p = viewer.require();
        return new Actor(p.accountId(), p.handle());
    }

    private VantageMessages messages() {
        return Bundles.of(VantageMessages.class, pages.locale());
    }
}
