package org.proxyfund.trial;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.web.Pages;

import java.math.BigDecimal;

/**
 * The trial console for admins ({@code /admin/trial}): pay a donation address from the regtest node, mine blocks,
 * register a demo operator served by a real local proxy, and run settlement now. Outside trial mode none of its paths exists (404, before any sign-in check).
 */
@Path("/admin/trial")
@Produces(MediaType.TEXT_HTML)
public class TrialConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance console(TrialNode.Status node, String action, String done, String refused, String refusedDetail,
                                               boolean proxyInstalled, boolean demoExists, TrialDemoOperator.Result demo);
    }

    @Inject
    TrialMode trial;
    @Inject
    TrialNode node;
    @Inject
    Viewer viewer;
    @Inject
    Pages pages;
    @Inject
    TrialDemoOperator demoOperator;
    @Inject
    TrialProxies proxies;

    @GET
    @Operation(hidden = true)
    public TemplateInstance console() {
        admin();
        return page(null, null);
    }

    /** The forms' own addresses opened by hand (a reload after posting): back to the console. */
    @GET
    @Path("{form: pay|mine}")
    @Operation(hidden = true)
    public Response formByHand() {
        admin();
        return Response.seeOther(java.net.URI.create("/admin/trial")).build();
    }

    @POST
    @Path("pay")
    @Operation(hidden = true)
    public Response pay(@RestForm String address, @RestForm String amount, @RestForm String csrf) {
        admin();
        long sats;
        try {
            sats = sats(amount);
        } catch (ArithmeticException | NumberFormatException e) {
            return answer(new TrialNode.Outcome.Refused("amount", null), "pay");
        }
        return answer(address == null || address.isBlank() ? new TrialNode.Outcome.Refused("address", null)
                : node.pay(address, sats), "pay");
    }

    @POST
    @Path("mine")
    @Operation(hidden = true)
    public Response mine(@RestForm String blocks, @RestForm String csrf) {
        admin();
        int n;
        try {
            n = Integer.parseInt(blocks == null ? "" : blocks.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        return answer(node.mine(n), "mine");
    }

    /** Registers the demo operator with its real local proxy; its one-time password is on the answer page. */
    @POST
    @Path("demo-operator")
    @Operation(hidden = true)
    public Response demoOperator(@RestForm String csrf) throws java.io.IOException {
        admin();
        TrialDemoOperator.Result r = demoOperator.register(new org.proxyfund.common.identity.Actor(viewer.require().accountId(),
                viewer.require().handle()));
        TrialNode.Status status = node.status().orElse(null);
        return Response.status(r.refused() == null ? 200 : 400).entity(pages.page(Templates.console(status, "demo", null, null, null,
                proxies.program().isPresent(), demoOperator.exists(), r))).build();
    }

    private Response answer(TrialNode.Outcome outcome, String action) {
        int status = outcome instanceof TrialNode.Outcome.Done ? 200 : 400;
        return Response.status(status).entity(page(outcome, action)).build();
    }

    private TemplateInstance page(TrialNode.Outcome outcome, String action) {
        TrialNode.Status status = node.status().orElse(null);
        boolean installed = proxies.program().isPresent();
        boolean exists = demoOperator.exists();
        return pages.page(switch (outcome) {
            case null -> Templates.console(status, null, null, null, null, installed, exists, null);
            case TrialNode.Outcome.Done d -> Templates.console(status, action, d.detail(), null, null, installed, exists, null);
            case TrialNode.Outcome.Refused r -> Templates.console(status, action, null, r.code(), r.detail(), installed, exists, null);
        });
    }

    /** Trial mode first (a path that does not exist says so to everyone), then an admin's sign-in. */
    private void admin() {
        trial.require();
        if (!viewer.signedIn()) {
            throw new UnauthorizedException();
        }
        if (!viewer.admin()) {
            throw new ForbiddenException();
        }
    }

    /** "0.5" BTC → 50,000,000 sats; at most 8 decimals. */
    static long sats(String btc) {
        BigDecimal value = new BigDecimal(btc == null ? "" : btc.strip().replace(',', '.'));
        return value.movePointRight(8).longValueExact();
    }
}
