package org.proxyfund.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.donation.Bip21;
import org.proxyfund.web.Pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The public transparency page and the same data as JSON. */
@Path("/")
public class TransparencyResource {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance transparency(Transparency t, TransparencyResource fmt);
    }

    @Inject
    Pages pages;
    @Inject
    TransparencyService service;

    @GET
    @Path("transparency")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page() {
        return pages.page(Templates.transparency(service.current(), this));
    }

    @GET
    @Path("api/v1/transparency")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "public")
    @Operation(summary = "Received (confirmed donations, reversals), paid to operators, miner fees, balances (hot and cold storage), owed, runway"
            + ", every payout transaction with its block and explorer link, and every sweep to a cold address (satoshis)")
    public Transparency json() {
        return service.current();
    }

    /** Satoshis as BTC for the page; a dash when unknown. */
    public String btc(Long sats) {
        return sats == null ? "—" : Bip21.btc(sats);
    }

    /** A block time for the page; a dash when unknown. */
    public String time(Instant at) {
        return at == null ? "—" : UTC.format(at);
    }
}
