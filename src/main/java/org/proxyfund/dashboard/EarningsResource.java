package org.proxyfund.dashboard;

import org.proxyfund.settlement.SettlementQueries;
import org.proxyfund.settlement.OperatorEpoch;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.web.Pages;

import org.proxyfund.payout.BatchState;
import org.proxyfund.payout.PayoutPages;
import org.proxyfund.payout.PayoutRecord;
import org.proxyfund.payout.PayoutRecords;

import java.util.List;

/** The operator's earnings: each settled epoch's uptime, outcome, share and amount, and what is owed now (own data only). */
@Path("/account/earnings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("operator")
public class EarningsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance earnings(List<OperatorEpoch> epochs, long payableSats, List<PayoutRow> payouts);
    }

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    SettlementQueries reads;

    @Inject
    PayoutRecords payouts;

    /** One of the operator's payout lines with its state in words. */
    public record PayoutRow(PayoutRecord payout, String words) {
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() {
        long me = viewer.require().accountId();
        List<PayoutRow> rows = payouts.forOperator(me, 100).stream()
                .map(p -> new PayoutRow(p, PayoutPages.words(BatchState.valueOf(p.state()), pages.locale()))).toList();
        return pages.page(Templates.earnings(reads.earnings(me, 52), reads.payableSats(me), rows));
    }
}
