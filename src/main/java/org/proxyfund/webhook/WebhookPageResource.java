package org.proxyfund.webhook;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.Principal;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.web.Pages;

import java.net.URI;
import java.util.List;

/**
 * The account's webhook page: the subscriptions (create with the secret shown once, delete, enable again) and each
 * one's delivery log with redelivery. Form posts, CSRF-checked; everything goes through {@link WebhookService} like the API.
 */
@Path("/account/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("operator")
public class WebhookPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(List<WebhookView> subscriptions, List<String> types, String secret,
                                                List<String> problems);

        static native TemplateInstance deliveries(WebhookView subscription, List<DeliveryView> deliveries, boolean redelivered);
    }

    @Inject
    Pages pages;
    @Inject
    Viewer viewer;
    @Inject
    WebhookService webhooks;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page() {
        return page(null, List.of());
    }

    @POST
    @Operation(hidden = true)
    public Response create(@RestForm String url, @RestForm("events") List<String> events) {
        return switch (webhooks.create(actor(), url, events == null ? List.of() : events)) {
            case WebhookService.Creation.Created c -> Response.ok(page(c.created().secret(), List.of())).build();
            case WebhookService.Creation.Invalid i ->
                    Response.status(400).entity(page(null, i.errors().stream().map(FieldError::code).distinct().toList())).build();
            case WebhookService.Creation.LimitReached l -> Response.status(409).entity(page(null, List.of("webhook.limit"))).build();
        };
    }

    @POST
    @Path("{id}/delete")
    @Operation(hidden = true)
    public Response delete(@RestPath long id) {
        webhooks.delete(actor(), id);
        return Response.seeOther(URI.create("/account/webhooks")).build();
    }

    @POST
    @Path("{id}/enable")
    @Operation(hidden = true)
    public Response enable(@RestPath long id) {
        webhooks.enable(actor(), id);
        return Response.seeOther(URI.create("/account/webhooks")).build();
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response deliveries(@RestPath long id) {
        return log(id, false);
    }

    @POST
    @Path("{id}/deliveries/{delivery}/redeliver")
    @Operation(hidden = true)
    public Response redeliver(@RestPath long id, @RestPath long delivery) {
        boolean done = webhooks.deliveries(viewer.require().accountId(), id, 50)
                .filter(list -> list.stream().anyMatch(d -> d.id() == delivery)).isPresent()
                && webhooks.redeliver(actor(), delivery).isPresent();
        return done ? log(id, true) : Response.status(404).build();
    }

    private Response log(long id, boolean redelivered) {
        long account = viewer.require().accountId();
        return webhooks.find(account, id).flatMap(w -> webhooks.deliveries(account, id, 50)
                        .map(d -> Response.ok(pages.page(Templates.deliveries(w, d, redelivered))).build()))
                .orElseGet(() -> Response.status(404).build());
    }

    private TemplateInstance page(String secret, List<String> problems) {
        return pages.page(Templates.webhooks(webhooks.list(viewer.require().accountId()), WebhookService.subscribable(), secret, problems));
    }

    private Actor actor() {
        Principal p = viewer.require();
        return new Actor(p.accountId(), p.handle());
    }
}
