package org.proxyfund.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.callbacks.Callbacks;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.Principal;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.common.validation.FieldError;

import java.util.List;

/**
 * An operator's webhooks through the API (docs/webhooks.md). Another operator's subscription or delivery is 404, as
 * one that does not exist.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class WebhookApiResource {

    private static final Problem NOT_FOUND = Problem.notFound("webhook.not-found", "You have no webhook or delivery with this id.");

    @Inject
    Viewer viewer;
    @Inject
    WebhookService webhooks;

    /** A new subscription: where to deliver and which event types. */
    public record Subscription(String url, List<String> events) {
    }

    /** The subscription deleted. */
    public record Deleted(long id) {
    }

    /** The event queued for the subscription. */
    public record Queued(String eventId) {
    }

    /** The new delivery of a logged event. */
    public record Redelivery(long deliveryId) {
    }

    @GET
    @Operation(summary = "Your webhook subscriptions")
    @APIResponse(responseCode = "200", description = "Every subscription, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView[].class)))
    public List<WebhookView> list() {
        return webhooks.list(viewer.require().accountId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Callbacks({
            @Callback(name = "ping", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post",
                    summary = "ping", requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.PingEvent.class))),
                    responses = @APIResponse(responseCode = "204", description = "Any 2xx status: delivered"))),
            @Callback(name = "payout.sent", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post",
                    summary = "payout.sent", requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.PayoutSentEvent.class))),
                    responses = @APIResponse(responseCode = "204", description = "Any 2xx status: delivered"))),
            @Callback(name = "payout.confirmed", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post",
                    summary = "payout.confirmed", requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.PayoutConfirmedEvent.class))),
                    responses = @APIResponse(responseCode = "204", description = "Any 2xx status: delivered"))),
            @Callback(name = "payout.left_chain", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post",
                    summary = "payout.left_chain", requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.PayoutLeftChainEvent.class))),
                    responses = @APIResponse(responseCode = "204", description = "Any 2xx status: delivered"))),
            @Callback(name = "endpoint.down", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post",
                    summary = "endpoint.down", requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.EndpointDownEvent.class))),
                    responses = @APIResponse(responseCode = "204", description = "Any 2xx status: delivered"))),
            @Callback(name = "endpoint.recovered", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post",
                    summary = "endpoint.recovered", requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.EndpointRecoveredEvent.class))),
                    responses = @APIResponse(responseCode = "204", description = "Any 2xx status: delivered"))),
            @Callback(name = "endpoint.stale", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post",
                    summary = "endpoint.stale", requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.EndpointStaleEvent.class))),
                    responses = @APIResponse(responseCode = "204", description = "Any 2xx status: delivered"))),
            @Callback(name = "webhook.disabled", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post",
                    summary = "webhook.disabled", requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventPayloads.WebhookDisabledEvent.class))),
                    responses = @APIResponse(responseCode = "204", description = "Any 2xx status: delivered")))
    })
    @Operation(summary = "Subscribe a URL to event types; the answer holds the signing secret, shown only this once")
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookCreated.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong: the URL (malformed, not https, or a private address) or an event type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "You have as many subscriptions as allowed (webhook.limit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(Subscription s) {
        if (s == null) {
            return Problem.invalid(List.of(new FieldError("body", "request.empty", "Send a JSON body."))).response();
        }
        return switch (webhooks.create(actor(), s.url(), s.events())) {
            case WebhookService.Creation.Created c -> Response.status(201).entity(c.created()).build();
            case WebhookService.Creation.Invalid i -> Problem.invalid(i.errors()).response();
            case WebhookService.Creation.LimitReached l -> Problem.of(409, "webhook.limit",
                    "You have " + l.limit() + " webhook subscriptions, the most allowed; delete one first.").response();
        };
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") long id) {
        return webhooks.find(viewer.require().accountId(), id).map(v -> Response.ok(v).build()).orElseGet(NOT_FOUND::response);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a subscription with its delivery log")
    @APIResponse(responseCode = "200", description = "Deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deleted.class)))
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") long id) {
        return webhooks.delete(actor(), id) ? Response.ok(new Deleted(id)).build() : NOT_FOUND.response();
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Make a disabled subscription active again; its pending deliveries go out")
    @APIResponse(responseCode = "200", description = "The subscription, active",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enable(@PathParam("id") long id) {
        return webhooks.enable(actor(), id).map(v -> Response.ok(v).build()).orElseGet(NOT_FOUND::response);
    }

    @POST
    @Path("{id}/ping")
    @Operation(summary = "Send a ping event to this subscription now, to test the receiver and its signature check")
    @APIResponse(responseCode = "202", description = "Queued; the answer names the event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Queued.class)))
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ping(@PathParam("id") long id) {
        return webhooks.ping(viewer.require().accountId(), id)
                .map(e -> Response.accepted(new Queued(e)).build()).orElseGet(NOT_FOUND::response);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The delivery log: the newest deliveries with every attempt and the receiver's status")
    @APIResponse(responseCode = "200", description = "Newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView[].class)))
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deliveries(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("50") int limit) {
        return webhooks.deliveries(viewer.require().accountId(), id, limit).map(d -> Response.ok(d).build())
                .orElseGet(NOT_FOUND::response);
    }

    @POST
    @Path("deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Deliver a logged event again, as a new delivery to the same subscription")
    @APIResponse(responseCode = "202", description = "Queued; the answer names the new delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Redelivery.class)))
    @APIResponse(responseCode = "404", description = "No delivery of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response redeliver(@PathParam("deliveryId") long deliveryId) {
        return webhooks.redeliver(actor(), deliveryId).map(d -> Response.accepted(new Redelivery(d)).build())
                .orElseGet(NOT_FOUND::response);
    }

    private Actor actor() {
        Principal p = viewer.require();
        return new Actor(p.accountId(), p.handle());
    }
}
