package org.proxyfund.settlement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.web.Pages;

import java.time.Instant;
import java.util.List;

/** Admin pages: every settlement, one settlement with its inputs, rules and lines, and a "settle due epochs" button. */
@Path("/admin/settlements")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class SettlementAdminResource {

    /** Endpoint lines shown on the page; the JSON carries all. */
    static final int PAGE_ENDPOINTS = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> settlements, CalendarStatus calendar, String notice);

        static native TemplateInstance detail(Settlement s, List<SettledShare> shares, List<SettledEndpoint> endpoints);
    }

    @Inject
    Pages pages;

    @Inject
    SettlementQueries reads;

    @Inject
    SettlementService service;

    /** A settlement in the list, and whether it is a transition period between two calendars. */
    public record Row(Settlement s, boolean transition) {
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return list(null);
    }

    private TemplateInstance list(String notice) {
        EpochCalendar calendar = service.calendar();
        List<Row> rows = reads.list(200).stream().map(s -> new Row(s, !calendar.isEpoch(new Epoch(0,
                s.epochStart().toInstant(), s.epochEnd().toInstant(), s.epochKey())))).toList();
        return pages.page(Templates.list(rows, service.calendarStatus(Instant.now(), calendar), notice));
    }

    @POST
    @Path("settle-due")
    @Operation(hidden = true)
    public TemplateInstance settleDue(@RestForm String csrf) {
        List<Settlement> done = service.settleDue(Instant.now());
        String notice = SettlementPages.messages(pages.locale()).settled_notice(done.size(), done.get(done.size() - 1).epochKey());
        return list(notice);
    }

    @GET
    @Path("{epochKey}")
    @Operation(hidden = true)
    public TemplateInstance detail(@RestPath String epochKey) {
        Settlement s = reads.byKey(epochKey).orElseThrow(() -> new NotFoundException("no settlement " + epochKey));
        return pages.page(Templates.detail(s, reads.shares(s.id()), reads.endpoints(s.id(), PAGE_ENDPOINTS)));
    }
}
