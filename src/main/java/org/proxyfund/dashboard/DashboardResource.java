package org.proxyfund.dashboard;

import org.proxyfund.operator.Account;
import org.proxyfund.operator.PayoutAddress;
import org.proxyfund.operator.PayoutAddressAnswers;
import org.proxyfund.operator.PayoutAddressService;
import org.proxyfund.operator.Problems;

import org.proxyfund.common.identity.Viewer;

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
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.probe.history.EndpointHealth;
import org.proxyfund.probe.history.HealthView;
import org.proxyfund.web.Pages;
import org.proxyfund.wallet.address.ProofResult;

import java.util.List;
import java.util.Map;

/** The operator's home: account state, endpoints with their health, payout address and its proof. */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("operator")
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Account account, List<Endpoint> endpoints, List<Endpoint> retired, PayoutAddress payout,
                                                 List<EndpointHealth> health, EndpointType[] types, List<FieldError> errors, Map<String, String> form,
                                                 String notice, String error, List<RegionAlert> regionAlerts);
    }

    /** An endpoint that is not simply reachable inside a region it serves, with the region's verdict. */
    public record RegionAlert(long endpointId, String label, org.proxyfund.vantage.RegionStatus status) {
    }

    @Inject
    org.proxyfund.vantage.RegionQueries regions;

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    PayoutAddressService payouts;

    @Inject
    HealthView healthView;

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() {
        return page(List.of(), Map.of(), null, null);
    }

    /** Also used by the endpoint form to show its errors in place. */
    public TemplateInstance page(List<FieldError> errors, Map<String, String> form, String notice, String error) {
        long id = viewer.require().accountId();
        Account a = Account.findById(id);
        List<Endpoint> mine = Endpoint.ofAccount(id);
        List<EndpointHealth> health = healthView.mine();
        return pages.page(Templates.dashboard(a, mine, Endpoint.recentlyRetired(id, 10), PayoutAddress.currentOf(id).orElse(null),
                health, EndpointType.values(), Problems.localize(errors, pages.locale()), form, notice, error, regionAlerts(mine, health)));
    }

    /** Each region where one of these endpoints is BLOCKED, DOWN or PARTIAL, as its agents see it now. */
    private List<RegionAlert> regionAlerts(List<Endpoint> mine, List<EndpointHealth> health) {
        Map<Long, Boolean> outsideUp = new java.util.HashMap<>();
        health.forEach(h -> outsideUp.put(h.endpointId(), "UP".equals(h.current().state())));
        java.time.Instant now = java.time.Instant.now();
        List<RegionAlert> out = new java.util.ArrayList<>();
        for (Endpoint e : mine) {
            for (org.proxyfund.vantage.RegionStatus r : regions.forEndpoint(e.id, outsideUp.getOrDefault(e.id, false), now)) {
                if (r.verdict() != org.proxyfund.vantage.RegionVerdict.UP && r.verdict() != org.proxyfund.vantage.RegionVerdict.UNKNOWN) {
                    out.add(new RegionAlert(e.id, e.label != null ? e.label : e.type.label(), r));
                }
            }
        }
        return out;
    }

    @POST
    @Path("payout-address")
    @Operation(hidden = true)
    public Response setAddress(@RestForm String address, @RestForm String csrf) {
        PayoutAddressService.SetResult r = payouts.setAddress(viewer.require().accountId(), address);
        if (!r.ok()) {
            return Response.status(PayoutAddressAnswers.status(r)).entity(page(List.of(), Map.of("address", address == null ? "" : address), null, Problems.coded(r.code(), r.message(), pages.locale()))).build();
        }
        return Response.ok(page(List.of(), Map.of(), Problems.messages(pages.locale()).payout_sign_now(), null)).build();
    }

    @POST
    @Path("payout-proof")
    @Operation(hidden = true)
    public Response prove(@RestForm String signature, @RestForm String csrf) {
        PayoutAddressService.ProveResult r = payouts.prove(viewer.require().accountId(), signature);
        if (r.address() == null) {
            return Response.status(PayoutAddressAnswers.status(r)).entity(page(List.of(), Map.of(), null, Problems.messages(pages.locale()).payout_none())).build();
        }
        ProofResult p = r.proof();
        if (!p.valid()) {
            return Response.status(PayoutAddressAnswers.status(r)).entity(page(List.of(), Map.of(), null, Problems.coded(p.code(), p.message(), pages.locale()))).build();
        }
        return Response.ok(page(List.of(), Map.of(), Problems.messages(pages.locale()).payout_proven(), null)).build();
    }
}
