package org.proxyfund.payout;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.common.identity.Viewer;

import java.util.List;

/** The signed-in operator's own payout history as JSON: the same records as the earnings page. */
@Path("/api/v1/account/payouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class OperatorPayoutApiResource {

    @Inject
    PayoutRecords records;
    @Inject
    Viewer viewer;

    @GET
    @Operation(summary = "Your payouts, newest first (the last 100): batch and state, amount, the address paid, txid and output"
            + " index, block height and time once mined, and explorer links of the configured network")
    public List<PayoutRecord> list() {
        return records.forOperator(viewer.require().accountId(), 100);
    }
}
