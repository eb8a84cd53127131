package org.proxyfund.vantage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.vantage.wire.SignedRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The probe agents' API: enrollment with the one-time token, then requests signed with the agent's key (see
 * {@link SignedRequest}) to lease checks and push results. Refusals are problem details with stable codes.
 */
@Path("/api/v1/agent")
@Tag(name = "agent")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentApiResource {

    @Inject
    AgentService agents;

    @Inject
    AgentAuth auth;

    @Inject
    WorkService work;

    @Inject
    Canary canary;

    @Inject
    VantageConfig config;

    @Inject
    ObjectMapper json;

    @Context
    HttpServerRequest request;

    @Context
    UriInfo uri;

    /** An enrollment: the token an admin handed out and the agent's Ed25519 public key (X.509, Base64). */
    public record EnrollRequest(String token, String publicKey) {
    }

    /** The enrolled agent: its id (the key id of its signatures) and region. */
    public record EnrollAnswer(long agentId, String region) {
    }

    /** How many checks the agent wants now. */
    public record LeaseRequest(Integer max) {
    }

    /** Leased checks and where the canary is reached. */
    public record LeaseAnswer(String canaryHost, int canaryPort, List<AgentWork> checks) {
    }

    /** A batch of results. */
    public record ResultsRequest(List<AgentResult> results) {
    }

    @POST
    @Path("enroll")
    @Operation(summary = "Enrolls a probe agent: spends the one-time token and keeps the agent's public key")
    @APIResponse(responseCode = "201", description = "Enrolled; sign every later request with the key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollAnswer.class)))
    @APIResponse(responseCode = "403", description = "The token is unknown, used, expired or its agent revoked (agent.token_invalid)")
    public Response enroll(EnrollRequest body) {
        if (body == null) return Problem.of(400, "request.invalid", "A token and a public key are required.").response();
        return switch (agents.enroll(body.token(), body.publicKey(), address(), Instant.now())) {
            case AgentService.Enrollment.Enrolled e -> Response.status(201).entity(new EnrollAnswer(e.agentId(), e.region())).build();
            case AgentService.Enrollment.Refused r -> Problem.of(r.code().equals("agent.key_invalid") ? 400 : 403, r.code(),
                    r.code().equals("agent.key_invalid") ? "The public key is not an Ed25519 key (X.509, Base64)."
                            : "The token is unknown, already used, expired, or its agent was revoked.").response();
        };
    }

    @POST
    @Path("lease")
    @Operation(summary = "Leases checks due in the agent's region (signed request)")
    @APIResponse(responseCode = "200", description = "The leased checks (none when nothing is due)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeaseAnswer.class)))
    @APIResponse(responseCode = "401", description = "Unsigned, badly signed, replayed or outside the clock window (agent.*)")
    @APIResponse(responseCode = "403", description = "The agent is revoked (agent.revoked)")
    public Response lease(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                  schema = @Schema(implementation = LeaseRequest.class))) byte[] body, @HeaderParam(SignedRequest.AGENT) String agent, @HeaderParam(SignedRequest.TIMESTAMP) String ts,
                          @HeaderParam(SignedRequest.NONCE) String nonce, @HeaderParam(SignedRequest.SIGNATURE) String signature)
            throws IOException {
        Instant now = Instant.now();
        AgentAuth.Outcome outcome = auth.check(new AgentAuth.Headers(agent, ts, nonce, signature), "POST", path(), body, address(), now);
        if (!(outcome instanceof AgentAuth.Outcome.Accepted accepted)) return refused((AgentAuth.Outcome.Refused) outcome);
        LeaseRequest r = body.length == 0 ? new LeaseRequest(null) : json.readValue(body, LeaseRequest.class);
        int max = r.max() == null ? config.maxLease() : r.max();
        return Response.ok(new LeaseAnswer(canary.publicHost(), canary.publicPort(), work.lease(accepted.agent(), max, now, address()))).build();
    }

    @POST
    @Path("results")
    @Operation(summary = "Pushes a batch of the agent's results (signed request); each is accepted or refused with a code")
    @APIResponse(responseCode = "200", description = "How many results count, and each refused one with its code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkService.PushOutcome.class)))
    @APIResponse(responseCode = "401", description = "Unsigned, badly signed, replayed or outside the clock window (agent.*)")
    @APIResponse(responseCode = "403", description = "The agent is revoked (agent.revoked): its results are refused")
    @APIResponse(responseCode = "413", description = "More results than one push may carry (agent.batch_too_large)")
    public Response results(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = ResultsRequest.class))) byte[] body, @HeaderParam(SignedRequest.AGENT) String agent, @HeaderParam(SignedRequest.TIMESTAMP) String ts,
                            @HeaderParam(SignedRequest.NONCE) String nonce, @HeaderParam(SignedRequest.SIGNATURE) String signature)
            throws IOException {
        Instant now = Instant.now();
        AgentAuth.Outcome outcome = auth.check(new AgentAuth.Headers(agent, ts, nonce, signature), "POST", path(), body, address(), now);
        if (!(outcome instanceof AgentAuth.Outcome.Accepted accepted)) return refused((AgentAuth.Outcome.Refused) outcome);
        ResultsRequest r = json.readValue(body, ResultsRequest.class);
        List<AgentResult> results = r == null || r.results() == null ? List.of() : r.results();
        if (results.size() > config.maxResults()) {
            return Problem.of(413, "agent.batch_too_large", "At most " + config.maxResults() + " results per push.").response();
        }
        return Response.ok(work.accept(accepted.agent(), results, now, address())).build();
    }

    private static Response refused(AgentAuth.Outcome.Refused r) {
        return Problem.of(r.revoked() ? 403 : 401, r.code(), switch (r.code()) {
            case "agent.revoked" -> "This agent was revoked; its requests and results are refused.";
            case "agent.replayed" -> "This request's nonce was already used.";
            case "agent.clock_outside_window" -> "The request's timestamp is outside the accepted window; check the agent's clock.";
            case "agent.signature_missing" -> "The request is not signed.";
            default -> "The request's signature does not verify for this agent.";
        }).response();
    }

    private String path() {
        return uri.getRequestUri().getRawPath();
    }

    private String address() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
