package org.proxyfund.feed;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.web.Pages;

import java.time.Instant;
import java.util.Locale;

/**
 * The operator's private Atom feed under its secret URL ({@link FeedPageResource} makes, rotates and turns it off).
 * A secret that opens no feed (never made, rotated, turned off) is 404.
 */
@Path("/feed")
public class FeedResource {

    static final String ATOM = "application/atom+xml";

    @Inject
    Pages pages;
    @Inject
    FeedSecrets secrets;
    @Inject
    FeedService service;

    @GET
    @Path("{secret}.atom")
    @Produces(ATOM)
    @Operation(hidden = true)
    public Response feed(@PathParam("secret") String secret, @Context UriInfo uri) {
        var account = secrets.account(secret);
        if (account.isEmpty()) {
            return Problem.notFound("feed.not-found", "No feed has this address.").response();
        }
        Locale locale = pages.locale();
        String site = base(uri);
        String body = AtomWriter.write("tag:proxyfund.org,2026:feed:" + account.get(),
                org.proxyfund.web.Bundles.of(FeedMessages.class, locale).feed_title(), site + "/feed/" + secret + ".atom",
                site + "/dashboard", locale.getLanguage(), Instant.now(),
                service.entries(account.get(), locale, site));
        return Response.ok(body, ATOM + ";charset=utf-8").build();
    }

    static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/$", "");
    }
}
