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
                                                 String notice, String error);
    }

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
        return pages.page(Templates.dashboard(a, Endpoint.ofAccount(id), Endpoint.recentlyRetired(id, 10), PayoutAddress.currentOf(id).orElse(null),
                healthView.mine(), EndpointType.values(), Problems.localize(errors, pages.locale()), form, notice, error));
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
