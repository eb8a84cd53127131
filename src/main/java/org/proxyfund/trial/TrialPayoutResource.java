package org.proxyfund.trial;

import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.operator.PayoutAddressService;
import org.proxyfund.wallet.node.LocalNodeConfig;
import org.proxyfund.wallet.node.TrialPayoutKeys;

import java.io.IOException;
import java.net.URI;

/**
 * Trial mode's payout address ({@code POST /trial/payout-address}): sets a regtest address whose key the trial keeps
 * and proves it with a signature of the challenge, through the same service and verifier as any proof. Outside trial
 * mode it does not exist (404).
 */
@Path("/trial/payout-address")
public class TrialPayoutResource {

    @Inject
    TrialMode trial;
    @Inject
    Viewer viewer;
    @Inject
    PayoutAddressService payouts;
    @Inject
    LocalNodeConfig localNode;

    @POST
    @Operation(hidden = true)
    @Transactional
    public Response useTrialAddress(@RestForm String csrf) throws IOException {
        trial.require();
        if (!viewer.signedIn()) {
            throw new UnauthorizedException();
        }
        long account = viewer.require().accountId();
        java.nio.file.Path dir = java.nio.file.Path.of(localNode.dataDir());
        PayoutAddressService.SetResult set = payouts.setAddress(account, TrialPayoutKeys.address(dir, account));
        if (!set.ok()) {
            throw new IllegalStateException("trial payout address refused: " + set.code());
        }
        PayoutAddressService.ProveResult proven = payouts.prove(account, TrialPayoutKeys.sign(dir, account, set.address().challenge));
        if (proven.proof() == null || !proven.proof().valid()) {
            throw new IllegalStateException("trial payout proof refused: " + (proven.proof() == null ? "no address" : proven.proof().code()));
        }
        return Response.seeOther(URI.create("/dashboard#payout")).build();
    }
}
