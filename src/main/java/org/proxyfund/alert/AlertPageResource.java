package org.proxyfund.alert;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.proxyfund.common.identity.Principal;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.web.Bundles;
import org.proxyfund.web.Pages;

import java.util.Locale;
import java.util.Optional;

/** The account's alerts page: the e-mail address (verified by a mailed link) and the alert settings. Form posts, CSRF-checked. */
@Path("/account/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(boolean mailOn, MailRepository.Address address, AlertSettings settings,
                                              String language, String notice, String error);

        static native TemplateInstance verified(String address, boolean ok);
    }

    @Inject
    Pages pages;
    @Inject
    Viewer viewer;
    @Inject
    AlertAddresses addresses;
    @Inject
    AlertSettingsStore settings;

    @GET
    @RolesAllowed("operator")
    @Operation(hidden = true)
    public TemplateInstance page() {
        return page(null, null);
    }

    @POST
    @Path("email")
    @RolesAllowed("operator")
    @Operation(hidden = true)
    public Response setEmail(@RestForm String address, @RestForm String language) {
        Principal p = viewer.require();
        Locale locale = "ru".equals(language) || "en".equals(language) ? Locale.forLanguageTag(language) : pages.locale();
        AlertMessages m = Bundles.of(AlertMessages.class, pages.locale());
        return switch (addresses.set(p.accountId(), p.handle(), address, locale)) {
            case LINK_SENT -> Response.ok(page(m.link_sent(address.strip(), addresses.validityHours()), null)).build();
            case INVALID -> Response.status(400).entity(page(null, m.invalid_address())).build();
            case TOO_MANY -> Response.status(429).entity(page(null, m.too_many())).build();
            case MAIL_OFF -> Response.status(409).entity(page(null, m.mail_off())).build();
        };
    }

    @POST
    @Path("email/remove")
    @RolesAllowed("operator")
    @Operation(hidden = true)
    public Response removeEmail() {
        addresses.remove(viewer.require().accountId());
        return Response.seeOther(java.net.URI.create("/account/alerts")).build();
    }

    @POST
    @Path("settings")
    @RolesAllowed("operator")
    @Operation(hidden = true)
    public Response saveSettings(@RestForm boolean email, @RestForm boolean feed, @RestForm boolean digest) {
        settings.save(viewer.require().accountId(), new AlertSettings(email, feed, digest));
        return Response.seeOther(java.net.URI.create("/account/alerts")).build();
    }

    /** The link mailed to a new address: works signed in or not (the token is the proof), once, until it expires. */
    @GET
    @Path("verify")
    @PermitAll
    @Operation(hidden = true)
    public Response verify(@QueryParam("token") String token) {
        Optional<String> done = addresses.verify(token);
        return Response.status(done.isPresent() ? 200 : 404)
                .entity(pages.page(Templates.verified(done.orElse(null), done.isPresent()))).build();
    }

    private TemplateInstance page(String notice, String error) {
        long id = viewer.require().accountId();
        return pages.page(Templates.alerts(addresses.mailEnabled(), addresses.of(id).orElse(null), settings.of(id),
                pages.locale().getLanguage(), notice, error));
    }
}
