package org.proxyfund.donation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.wallet.node.LocalNode;
import org.proxyfund.web.Pages;

import java.math.BigDecimal;
import java.net.URI;

/** The donate page, "get an address", the donation status page and its QR code. */
@Path("/donate")
public class DonationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance donate(String error, String amount, String message);

        static native TemplateInstance status(DonationView donation);
    }

    @Inject
    Pages pages;
    @Inject
    DonationService donations;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance form() {
        return pages.page(Templates.donate(null, "", ""));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response create(@FormParam("amount") String amount, @FormParam("message") String message) {
        Long sats;
        try {
            sats = parseBtc(amount);
        } catch (NumberFormatException e) {
            return invalid("amount", amount, message);
        }
        return switch (donations.create(sats, message)) {
            case DonationService.CreateResult.Created c -> Response.seeOther(URI.create("/donate/" + c.donation().id)).build();
            case DonationService.CreateResult.Invalid i -> invalid(i.field(), amount, message);
            // ./run without a local node: the donate page itself explains what to install.
            case DonationService.CreateResult.Unavailable u when LocalNode.problem().isPresent() ->
                    Response.seeOther(URI.create("/donate")).build();
            case DonationService.CreateResult.Unavailable u -> Response.status(503)
                    .entity(pages.page(Templates.donate("unavailable", amount, message))).build();
        };
    }

    private Response invalid(String field, String amount, String message) {
        String a = amount == null ? "" : amount.substring(0, Math.min(amount.length(), 40));
        String m = message == null ? "" : message.substring(0, Math.min(message.length(), DonationService.MESSAGE_MAX * 2));
        return Response.status(400).entity(pages.page(Templates.donate(field, a, m))).build();
    }

    /** "0.0015" BTC → 150000 sats; blank → null; more than 8 decimals or non-numbers are refused. */
    static Long parseBtc(String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        String s = amount.strip().replace(',', '.');
        if (s.length() > 20) {
            throw new NumberFormatException("too long");
        }
        BigDecimal btc = new BigDecimal(s);
        if (btc.signum() <= 0 || btc.stripTrailingZeros().scale() > 8) {
            throw new NumberFormatException("not a positive amount with at most 8 decimals");
        }
        return btc.movePointRight(8).longValueExact();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance status(@PathParam("id") String id) {
        Donation d = donations.find(id).orElseThrow(NotFoundException::new);
        return pages.page(Templates.status(DonationView.of(d, donations.paymentUri(d), donations.confirmationsRequired(),
                donations.leftChain(d))));
    }

    @GET
    @Path("/{id}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(hidden = true)
    public String qr(@PathParam("id") String id) {
        Donation d = donations.find(id).orElseThrow(NotFoundException::new);
        return QrSvg.svg(donations.paymentUri(d));
    }
}
