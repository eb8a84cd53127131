package org.proxyfund.donation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.web.Pages;
import org.proxyfund.web.Bundles;

/**
 * The donor's receipt, reachable from the donation page by its unguessable id: a printable page and the same as a
 * text file to save.
 */
@Path("/donate/{id}")
public class DonationReceiptResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance receipt(DonationReceipt r);
    }

    @Inject
    Pages pages;
    @Inject
    DonationReceipts receipts;

    @GET
    @Path("receipt")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") String id) {
        return pages.page(Templates.receipt(receipts.of(id).orElseThrow(NotFoundException::new)));
    }

    @GET
    @Path("receipt.txt")
    @Produces("text/plain; charset=UTF-8")
    @Operation(hidden = true)
    public Response text(@PathParam("id") String id) {
        DonationReceipt r = receipts.of(id).orElseThrow(NotFoundException::new);
        ReceiptMessages m = Bundles.of(ReceiptMessages.class, pages.locale());
        return Response.ok(receipts.text(r, m)).header("Content-Disposition",
                "attachment; filename=\"donation-receipt-" + r.donationId() + ".txt\"").build();
    }
}
