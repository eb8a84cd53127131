package org.proxyfund.status;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.donation.Bip21;
import org.proxyfund.web.Pages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The public network status (page and JSON) and the endpoints' public badges. Both are cached for {@code cache-for}
 * here and by browsers and shared caches ({@code Cache-Control: public, max-age}), and carry a strong ETag so a
 * revalidation costs a 304. The page is rendered as to a visitor who is not signed in (the header's links do not
 * depend on a session), so one copy per language serves everyone.
 */
@Path("/")
public class StatusResource {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(NetworkStatus s, String paidBtc, String asOf, long seconds);
    }

    @Inject
    Pages pages;
    @Inject
    StatusCache cache;
    @Inject
    BadgeService badges;
    @Inject
    StatusConfig config;

    @GET
    @Path("status")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@HeaderParam("If-None-Match") String ifNoneMatch) {
        Locale locale = pages.locale();
        Rendered r = cache.page(locale.getLanguage(), s -> Templates.status(s, Bip21.btc(s.paidSats()), UTC.format(s.computedAt()), config.cacheFor().toSeconds())
                .setLocale(locale).data("lang", locale.getLanguage()).data("path", "/status").data("bare", true).render());
        return cached(r, ifNoneMatch, MediaType.TEXT_HTML + ";charset=UTF-8", "Accept-Language, Cookie");
    }

    @GET
    @Path("api/v1/status")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "public")
    @Operation(summary = "The network's status: approved endpoints of each protocol up, down, stale, unknown and not checked"
            + " now; the network's uptime over 24 h, 7 d and 30 d; what was paid to operators. Counts only, never an endpoint")
    @APIResponse(responseCode = "200", description = "The figures, at most cache-for old",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkStatus.class)))
    public Response json() {
        NetworkStatus s = cache.current().status();
        return Response.ok(s).header("Cache-Control", cacheControl()).build();
    }

    @GET
    @Path("badge/{publicId}.svg")
    @Produces("image/svg+xml")
    @Tag(name = "public")
    @Operation(summary = "The SVG status badge an operator published for one endpoint: up, down, stale, unknown or not checked")
    @APIResponse(responseCode = "404", description = "No badge is published under this id (never, rotated or revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response badge(@PathParam("publicId") String publicId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (publicId == null || !publicId.matches("[0-9a-f]{32}")) {
            return notFound();
        }
        return badges.badge(publicId, pages.locale())
                .map(r -> cached(r, ifNoneMatch, "image/svg+xml;charset=UTF-8", "Accept-Language, Cookie"))
                .orElseGet(StatusResource::notFound);
    }

    private static Response notFound() {
        return Problem.notFound("badge.not-found", "No badge is published under this id.").response();
    }

    private Response cached(Rendered r, String ifNoneMatch, String type, String vary) {
        Response.ResponseBuilder b = r.matches(ifNoneMatch) ? Response.notModified() : Response.ok(r.body(), type);
        return b.header("ETag", r.etag()).header("Cache-Control", cacheControl()).header("Vary", vary).build();
    }

    private String cacheControl() {
        return "public, max-age=" + config.cacheFor().toSeconds();
    }
}
