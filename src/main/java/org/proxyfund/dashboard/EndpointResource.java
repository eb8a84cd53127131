package org.proxyfund.dashboard;

import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointRetirement;
import org.proxyfund.endpoint.EndpointAnswers;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointAddressVersion;
import org.proxyfund.endpoint.EndpointMessages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.Principal;
import org.proxyfund.operator.Problems;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.OwnershipService;
import org.proxyfund.endpoint.OwnershipStatus;
import org.proxyfund.probe.relay.PassGuide;
import org.proxyfund.probe.history.EndpointHealth;
import org.proxyfund.probe.history.HealthView;
import org.proxyfund.probe.trial.TrialCheck;
import org.proxyfund.web.Bundles;
import org.proxyfund.web.Pages;

import org.proxyfund.vantage.RegionQueries;
import org.proxyfund.vantage.RegionStatus;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Endpoint pages of the signed-in operator: register, view the issued credential, rotate, retire. Only the owner sees one. */
@Path("/endpoints")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("operator")
public class EndpointResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(Endpoint endpoint, Map<String, String> fields, Map<String, String> credential,
                                              List<EndpointAddressVersion> versions, List<FieldError> errors, String retireError,
                                              EndpointHealth health, List<String> mustAllow, List<PassGuide.Snippet> snippets,
                                              TrialCheck.View trial, OwnershipStatus ownership, List<RegionStatus> regions);
    }

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    EndpointService endpoints;

    @Inject
    DashboardResource dashboard;

    @Inject
    RegionQueries regions;

    @Inject
    EndpointRetirement retirement;

    @Inject
    HealthView health;

    @Inject
    PassGuide guide;

    @Inject
    TrialCheck trialCheck;

    @Inject
    OwnershipService ownership;

    @POST
    @Operation(hidden = true)
    public Response register(@RestForm String type, @RestForm String label, @RestForm String host, @RestForm String port,
                             @RestForm String region, @RestForm String cipher, @RestForm String serverPublicKey,
                             @RestForm String transport, @RestForm String fakeTlsDomain, @RestForm String tlsAuthKey,
                             @RestForm String keyDirection, @RestForm String authDigest, @RestForm String tlsCryptKey,
                             @RestForm String csrf) {
        Map<String, String> fields = new HashMap<>();
        putIfSet(fields, EndpointType.CIPHER, cipher);
        putIfSet(fields, EndpointType.SERVER_PUBLIC_KEY, serverPublicKey);
        putIfSet(fields, EndpointType.TRANSPORT, transport);
        putIfSet(fields, EndpointType.FAKE_TLS_DOMAIN, fakeTlsDomain);
        putIfSet(fields, EndpointType.TLS_AUTH_KEY, tlsAuthKey);
        putIfSet(fields, EndpointType.KEY_DIRECTION, keyDirection);
        putIfSet(fields, EndpointType.AUTH_DIGEST, authDigest);
        putIfSet(fields, EndpointType.TLS_CRYPT_KEY, tlsCryptKey);
        EndpointDraft draft = new EndpointDraft(parseType(type), host, parsePort(port), region, fields);
        Principal p = viewer.require();
        EndpointService.Result r = endpoints.register(p.accountId(), draft, label, new Actor(p.accountId(), p.handle()));
        if (!r.ok()) {
            Map<String, String> form = new HashMap<>(fields);
            form.put("type", nz(type));
            form.put("label", nz(label));
            form.put("host", nz(host));
            form.put("port", nz(port));
            form.put("region", nz(region));
            return Response.status(EndpointAnswers.pageStatus(r.errors())).entity(dashboard.page(r.errors(), form, null, null)).build();
        }
        return Response.seeOther(URI.create("/endpoints/" + r.endpoint().id)).build();
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance detail(@RestPath long id) {
        return detailPage(id, List.of());
    }

    @POST
    @Path("{id}/rotate")
    @Operation(hidden = true)
    public Response rotate(@RestPath long id, @RestForm String host, @RestForm String port, @RestForm String csrf) {
        Principal p = viewer.require();
        EndpointService.Result r = endpoints.rotate(p.accountId(), id, host, parsePort(port), new Actor(p.accountId(), p.handle()));
        if (!r.ok()) {
            if (EndpointAnswers.notFound(r.errors())) {
                throw new NotFoundException();
            }
            return Response.status(EndpointAnswers.pageStatus(r.errors())).entity(detailPage(id, r.errors())).build();
        }
        return Response.seeOther(URI.create("/endpoints/" + id)).build();
    }

    @POST
    @Path("{id}/retire")
    @Operation(hidden = true)
    public Response retire(@RestPath long id, @RestForm String confirm, @RestForm String csrf) {
        if (!"yes".equals(confirm)) {
            String message = Bundles.of(EndpointMessages.class, pages.locale()).retire_confirm_missing();
            return Response.status(400).entity(detailPage(id, List.of(), message)).build();
        }
        Principal p = viewer.require();
        if (retirement.retire(p.accountId(), id, new Actor(p.accountId(), p.handle())) == EndpointRetirement.Outcome.NOT_FOUND) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/endpoints/" + id)).build();
    }

    private TemplateInstance detailPage(long id, List<FieldError> errors) {
        return detailPage(id, errors, null);
    }

    private TemplateInstance detailPage(long id, List<FieldError> errors, String retireError) {
        long accountId = viewer.require().accountId();
        Endpoint e = Endpoint.owned(id, accountId).orElseThrow(NotFoundException::new);
        // A retired endpoint's credential is of no use any more: it is not shown again.
        Map<String, String> credential = e.state.live() ? endpoints.credentialFor(accountId, id).orElseThrow(NotFoundException::new) : Map.of();
        Map<String, String> fields = endpoints.protocolFields(e);
        boolean relays = e.state.live() && guide.relays(e.type.name());
        EndpointHealth panel = health.endpoint(id);
        boolean outsideUp = panel != null && "UP".equals(panel.current().state());
        return pages.page(Templates.detail(e, fields, credential, EndpointAddressVersion.of(id),
                Problems.localize(errors, pages.locale()), retireError, panel,
                relays ? guide.mustAllow() : List.of(), relays ? guide.snippets(e.type.name(), credential, fields, e.port) : List.of(),
                e.state == EndpointState.PENDING ? trialCheck.latest(id) : null,
                e.type == EndpointType.OPENVPN ? ownership.status(id) : null, regions.forEndpoint(id, outsideUp, Instant.now())));
    }

    static EndpointType parseType(String type) {
        try {
            return type == null || type.isBlank() ? null : EndpointType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Integer parsePort(String port) {
        try {
            return port == null || port.isBlank() ? null : Integer.valueOf(port.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void putIfSet(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.strip());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
