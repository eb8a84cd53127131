package org.proxyfund.operator;

import org.proxyfund.common.identity.Viewer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

/** The signed-in operator's own account as JSON; authorised by a personal API token. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"operator", "admin"})
@Tag(name = "operator", description = "The operator's own account, endpoints and payout address")
@SecurityScheme(securitySchemeName = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token created on the account page")
@SecurityRequirement(name = "apiToken")
public class OperatorApiResource {

    /** The account as the API shows it: never the password hash or the sign-up client key. */
    @Schema(name = "Me")
    public record Me(long id, String handle, String role, String state, @Schema(nullable = true) String email, OffsetDateTime createdAt) {
    }

    @Inject
    Viewer viewer;

    @GET
    @Operation(summary = "The account the token belongs to")
    public Me me() {
        Account a = Account.findById(viewer.require().accountId());
        return new Me(a.id, a.handle, a.role.name(), a.state.name(), a.email, a.createdAt);
    }
}
