package org.proxyfund.settlement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.common.problem.ProblemException;

import java.util.List;

/** Settlements as JSON for admins: the list, and one settlement with its inputs, rules, shares and every endpoint line. */
@Path("/api/v1/admin/settlements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "admin")
@SecurityRequirement(name = "apiToken")
public class SettlementAdminApiResource {

    /** One settlement in full. */
    public record Detail(Settlement settlement, List<SettledShare> shares, List<SettledEndpoint> endpoints) {
    }

    @Inject
    SettlementQueries reads;

    @GET
    @Operation(summary = "The latest 200 settlements, newest first (budget inputs, limit, rules, totals)")
    public List<Settlement> list() {
        return reads.list(200);
    }

    @GET
    @Path("{epochKey}")
    @Operation(summary = "One settlement by epoch key (e.g. 2026-W47): inputs, rules, each operator's share, each endpoint's counts and outcome")
    public Detail detail(@RestPath String epochKey) {
        Settlement s = reads.byKey(epochKey).orElseThrow(() -> new ProblemException(
                Problem.notFound("settlement.not-found", "No settlement has this epoch key.")));
        return new Detail(s, reads.shares(s.id()), reads.endpoints(s.id(), Integer.MAX_VALUE));
    }
}
