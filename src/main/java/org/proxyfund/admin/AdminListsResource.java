package org.proxyfund.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.common.paging.Keyset;
import org.proxyfund.common.paging.Page;
import org.proxyfund.common.paging.PageLinks;
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.operator.Account;
import org.proxyfund.common.identity.AuditEntry;
import org.proxyfund.operator.OperatorState;
import org.proxyfund.web.Pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin's long lists, a page at a time (newest first, links to newer and older pages): all operators, all
 * endpoints (both filterable by state) and the audit log.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminListsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance operators(List<Account> operators, String state, List<String> states, PageLinks links);

        static native TemplateInstance endpoints(List<Endpoint> endpoints, Map<Long, String> handles, String state,
                                                 List<String> states, PageLinks links);

        static native TemplateInstance audit(List<AuditRow> entries, PageLinks links);
    }

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @GET
    @Path("operators")
    @Operation(hidden = true)
    public Response operators(@QueryParam("state") String state, @QueryParam("before") String before,
                              @QueryParam("after") String after, @QueryParam("limit") String limit) {
        OperatorState s = parse(OperatorState.class, state);
        Keyset.Parsed k = Keyset.parse(before, after, limit);
        if (!k.ok() || state != null && !state.isEmpty() && s == null) {
            return Response.status(400).entity(pages.page(Templates.operators(List.of(), state, names(OperatorState.values()), null))).build();
        }
        Page<Account> page = Account.operatorsPage(s, k.keyset());
        return Response.ok(pages.page(Templates.operators(page.items(), s == null ? "" : s.name(), names(OperatorState.values()),
                PageLinks.of(uri, page)))).build();
    }

    @GET
    @Path("endpoints")
    @Operation(hidden = true)
    public Response endpoints(@QueryParam("state") String state, @QueryParam("before") String before,
                              @QueryParam("after") String after, @QueryParam("limit") String limit) {
        EndpointState s = parse(EndpointState.class, state);
        Keyset.Parsed k = Keyset.parse(before, after, limit);
        if (!k.ok() || state != null && !state.isEmpty() && s == null) {
            return Response.status(400).entity(pages.page(Templates.endpoints(List.of(), Map.of(), state, names(EndpointState.values()), null))).build();
        }
        Page<Endpoint> page = Endpoint.page(null, s, k.keyset());
        return Response.ok(pages.page(Templates.endpoints(page.items(), handles(page.items()), s == null ? "" : s.name(),
                names(EndpointState.values()), PageLinks.of(uri, page)))).build();
    }

    @GET
    @Path("audit")
    @Operation(hidden = true)
    public Response audit(@QueryParam("before") String before, @QueryParam("after") String after,
                          @QueryParam("limit") String limit) {
        Keyset.Parsed k = Keyset.parse(before, after, limit);
        if (!k.ok()) {
            return Response.status(400).entity(pages.page(Templates.audit(List.of(), null))).build();
        }
        Page<AuditEntry> page = AuditEntry.page(k.keyset());
        Locale locale = pages.locale();
        return Response.ok(pages.page(Templates.audit(page.items().stream().map(e -> AuditRow.of(e, locale)).toList(),
                PageLinks.of(uri, page)))).build();
    }

    /** The handles of the endpoints' operators, in one query. */
    static Map<Long, String> handles(List<Endpoint> endpoints) {
        List<Long> ids = endpoints.stream().map(e -> e.accountId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Account.<Account>list("id in ?1", ids).stream().collect(Collectors.toMap(a -> a.id, a -> a.handle));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null || name.isEmpty() ? null : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
