package org.proxyfund.maintenance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.web.Bundles;
import org.proxyfund.web.Pages;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The operator's maintenance windows of one endpoint: list, declare (form post), cancel before start. Owner only, CSRF-checked. */
@Path("/endpoints/{id}/maintenance")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("operator")
public class MaintenanceResource {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance windows(long endpointId, List<MaintenanceWindow> windows, List<String> errors,
                                               String allowance, int maxHours, MaintenanceResource fmt);
    }

    @Inject
    Pages pages;
    @Inject
    Viewer viewer;
    @Inject
    MaintenanceService service;
    @Inject
    MaintenanceConfig config;
    /** The allowance settlement applies (its key; read here only to tell the operator). */
    @ConfigProperty(name = "proxyfund.settlement.maintenance-allowance", defaultValue = "PT4H")
    Duration allowance;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") long id) {
        return render(id, List.of());
    }

    @POST
    @Operation(hidden = true)
    public Response declare(@PathParam("id") long id, @RestForm String startsAt, @RestForm Integer hours) {
        MaintenanceResult r = service.declare(viewer.require().accountId(), id, asInstant(startsAt), hours);
        return switch (r) {
            case MaintenanceResult.Done d -> Response.seeOther(URI.create("/endpoints/" + id + "/maintenance")).build();
            case MaintenanceResult.Invalid i -> Response.status(400).entity(render(id, i.errors().stream().map(this::text).toList())).build();
            case MaintenanceResult.NotFound n -> throw new NotFoundException();
            case MaintenanceResult.NotCancellable n -> throw new NotFoundException();
        };
    }

    @POST
    @Path("{windowId}/cancel")
    @Operation(hidden = true)
    public Response cancel(@PathParam("id") long id, @PathParam("windowId") long windowId) {
        MaintenanceResult r = service.cancel(viewer.require().accountId(), id, windowId);
        return switch (r) {
            case MaintenanceResult.Done d -> Response.seeOther(URI.create("/endpoints/" + id + "/maintenance")).build();
            case MaintenanceResult.NotCancellable n -> Response.status(409).entity(render(id, List.of(messages().err_not_cancellable()))).build();
            case MaintenanceResult.Invalid i -> throw new NotFoundException();
            case MaintenanceResult.NotFound n -> throw new NotFoundException();
        };
    }

    private TemplateInstance render(long id, List<String> errors) {
        List<MaintenanceWindow> windows = service.windows(viewer.require().accountId(), id).orElseThrow(NotFoundException::new);
        return pages.page(Templates.windows(id, windows, errors, allowanceText(), config.maxHours(), this));
    }

    /** A time as the page shows it: UTC to the minute. */
    public String time(java.time.Instant t) {
        return t == null ? "" : UTC.format(t);
    }

    /** The browser's datetime-local value ("2026-12-24T03:00"), read as UTC; other text is passed on as it is. */
    static String asInstant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private MaintenanceMessages messages() {
        return Bundles.of(MaintenanceMessages.class, pages.locale());
    }

    private String text(FieldError e) {
        MaintenanceMessages m = messages();
        return switch (e.code()) {
            case "maintenance.start.not_whole_hour" -> m.err_not_whole_hour();
            case "maintenance.start.past" -> m.err_past();
            case "maintenance.start.too_far" -> m.err_too_far(config.maxAhead().toDays());
            case "maintenance.hours.range" -> m.err_hours(Math.min(config.maxHours(), 168));
            case "maintenance.too_many" -> m.err_too_many(config.maxOpen());
            default -> m.err_start_invalid();
        };
    }

    private String allowanceText() {
        long minutes = allowance.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }
}
