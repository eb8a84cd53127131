package org.proxyfund.operator;

import org.proxyfund.common.identity.Viewer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.common.problem.Problem;


/** The operator's payout address and its ownership proof as JSON. */
@Path("/api/v1/payout-address")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class PayoutApiResource {

    /** The address on record, its proof state (UNPROVEN, PROVEN) and the exact text to sign. */
    @Schema(name = "PayoutAddress")
    public record AddressView(String address, String type, String state, String challenge,
                              @Schema(nullable = true, description = "BIP137 or BIP322 once proven") String proofFormat) {
        static AddressView of(PayoutAddress p) {
            return new AddressView(p.address, p.addressType, p.state.name(), p.challenge, p.proofFormat);
        }
    }

    /** A new address. */
    @Schema(name = "AddressRequest", requiredProperties = "address")
    public record AddressRequest(String address) {
    }

    /** A signature over the challenge (base64: legacy signed message or BIP-322 simple). */
    @Schema(name = "ProofRequest", requiredProperties = "signature")
    public record ProofRequest(String signature) {
    }

    @Inject
    Viewer viewer;

    @Inject
    PayoutAddressService payouts;

    @GET
    @Operation(summary = "The current payout address and its proof state")
    @APIResponse(responseCode = "200", description = "The address", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AddressView.class)))
    @APIResponse(responseCode = "404", description = "No payout address yet (payout.none)")
    public Response get() {
        return PayoutAddress.currentOf(viewer.require().accountId())
                .map(p -> Response.ok(AddressView.of(p)).build())
                .orElse(Problem.notFound("payout.none", "No payout address yet.").response());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new payout address; it needs a new proof (sign the returned challenge)")
    @APIResponse(responseCode = "200", description = "The new address, UNPROVEN, with the challenge to sign", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AddressView.class)))
    public Response set(AddressRequest r) {
        PayoutAddressService.SetResult result = payouts.setAddress(viewer.require().accountId(), r == null ? null : r.address());
        if (!result.ok()) {
            return PayoutAddressAnswers.problem(result).response();
        }
        return Response.ok(AddressView.of(result.address())).build();
    }

    @POST
    @Path("proof")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prove control of the address with a signature over the challenge")
    @APIResponse(responseCode = "200", description = "The address, PROVEN", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AddressView.class)))
    @APIResponse(responseCode = "409", description = "No payout address to prove (payout.none)")
    public Response prove(ProofRequest r) {
        PayoutAddressService.ProveResult result = payouts.prove(viewer.require().accountId(), r == null ? null : r.signature());
        if (PayoutAddressAnswers.status(result) != 200) {
            return PayoutAddressAnswers.problem(result).response();
        }
        return Response.ok(AddressView.of(result.address())).build();
    }
}
