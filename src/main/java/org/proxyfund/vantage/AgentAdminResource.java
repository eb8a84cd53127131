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

/** Admin pages for probe agents: the list with last contact and volume, creation with the one-time token, revocation. */
@Path("/admin/agents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AgentAdminResource {

    /** As {@code {t.utc}} shows moments in templates. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Agent> agents, String notice, AgentService.Created created, String serviceUrl,
                                            List<FieldError> errors);
    }

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

    private TemplateInstance page(String notice, AgentService.Created created, List<FieldError> errors) {
        String base = uri.getBaseUri().toString();
        String serviceUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return pages.page(Templates.list(agents.list(), notice, created, serviceUrl, errors));
    }

    private Actor actor() {
        Principal p = viewer.require();
        return new Actor(p.accountId(), p.handle());
    }

    private VantageMessages messages() {
        return Bundles.of(VantageMessages.class, pages.locale());
    }
}
