package org.proxyfund.operator;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's payout address and its ownership proof as JSON. */
@Path("/api/v1/payout-address")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class PayoutApiResource {

    /** The address on record, its proof state (UNPROVEN, PROVEN) and the exact text to sign. */
    public record AddressView(String address, String type, String state, String challenge, String proofFormat) {
        static AddressView of(PayoutAddress p) {
            return new AddressView(p.address, p.addressType, p.state, p.challenge, p.proofFormat);
        }
    }

    /** A new address. */
    public record AddressRequest(String address) {
    }

    /** A signature over the challenge (base64: legacy signed message or BIP-322 simple). */
    public record ProofRequest(String signature) {
    }

    /** Why an address or a proof was refused: a stable code and an English sentence. */
    public record Problem(String code, String message) {
    }

    @Inject
    Viewer viewer;

    @Inject
    PayoutAddressService payouts;

    @GET
    @Operation(summary = "The current payout address and its proof state")
    public Response get() {
        return PayoutAddress.currentOf(viewer.require().accountId())
                .map(p -> Response.ok(AddressView.of(p)).build())
                .orElse(Response.status(404).entity(new Problem("payout.none", "No payout address yet.")).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new payout address; it needs a new proof (sign the returned challenge)")
    public Response set(AddressRequest r) {
        PayoutAddressService.SetResult result = payouts.setAddress(viewer.require().accountId(), r == null ? null : r.address());
        if (!result.ok()) {
            return Response.status(400).entity(new Problem(result.code(), result.message())).build();
        }
        return Response.ok(AddressView.of(result.address())).build();
    }

    @POST
    @Path("proof")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prove control of the address with a signature over the challenge")
    public Response prove(ProofRequest r) {
        PayoutAddressService.ProveResult result = payouts.prove(viewer.require().accountId(), r == null ? null : r.signature());
        if (result.address() == null) {
            return Response.status(409).entity(new Problem("payout.none", "Set a payout address first.")).build();
        }
        if (!result.proof().valid()) {
            return Response.status(400).entity(new Problem(result.proof().code(), result.proof().message())).build();
        }
        return Response.ok(AddressView.of(result.address())).build();
    }
}
