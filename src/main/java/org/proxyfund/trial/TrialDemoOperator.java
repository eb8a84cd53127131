package org.proxyfund.trial;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.AccountService;
import org.proxyfund.operator.OperatorState;
import org.proxyfund.operator.PayoutAddressService;
import org.proxyfund.operator.TransitionResult;
import org.proxyfund.wallet.node.LocalNodeConfig;
import org.proxyfund.wallet.node.LocalNodeProcess;
import org.proxyfund.wallet.node.TrialPayoutKeys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The trial console's demo operator: an operator account, approved, with a proven trial payout address and one SOCKS5
 * endpoint on this machine's loopback served by a real local proxy ({@link TrialProxies}) with the credential the
 * service issued, approved too. Its health checks relay through that proxy like any operator's, so it earns what its
 * uptime earns. Everything goes through the services operators and admins use; the admin who asked is on record.
 */
@ApplicationScoped
public class TrialDemoOperator {

    static final String HANDLE = "demo-operator";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Created: the account's one-time password and its endpoint; or refused with a code (no-proxy, exists, failed). */
    public record Result(String handle, String password, long endpointId, String address, String refused) {
        static Result refused(String code) {
            return new Result(HANDLE, null, 0, null, code);
        }
    }

    @Inject
    TrialProxies proxies;
    @Inject
    AccountService accounts;
    @Inject
    EndpointService endpoints;
    @Inject
    PayoutAddressService payouts;
    @Inject
    LocalNodeConfig localNode;

    Result register(Actor admin) throws IOException {
        if (proxies.program().isEmpty()) {
            return Result.refused("no-proxy");
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccountService.SignUpResult signUp = accounts.signUp(HANDLE, password, password, null, null);
        if (!signUp.ok()) {
            return Result.refused("exists");
        }
        long account = signUp.account().id;
        require(accounts.transitionTo(account, OperatorState.APPROVED, admin, null));
        EndpointService.Result registered = endpoints.register(account, new EndpointDraft(EndpointType.SOCKS5, "127.0.0.1",
                LocalNodeProcess.freePort(), "trial", Map.of()), "Trial demo proxy", new Actor(account, HANDLE));
        if (!registered.ok()) {
            return Result.refused("failed");
        }
        long endpoint = registered.endpoint().id;
        if (!proxies.start(account, endpoint).ok()) {
            return Result.refused("failed");
        }
        require(endpoints.transitionTo(endpoint, EndpointState.APPROVED, admin, null));
        Path dir = Path.of(localNode.dataDir());
        String address = TrialPayoutKeys.address(dir, account);
        QuarkusTransaction.requiringNew().run(() -> {
            PayoutAddressService.SetResult set = payouts.setAddress(account, address);
            if (!set.ok()) {
                throw new IllegalStateException("trial payout address refused: " + set.code());
            }
            try {
                PayoutAddressService.ProveResult proven = payouts.prove(account, TrialPayoutKeys.sign(dir, account, set.address().challenge));
                if (proven.proof() == null || !proven.proof().valid()) {
                    throw new IllegalStateException("trial payout proof refused");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return new Result(HANDLE, password, endpoint, registered.endpoint().address(), null);
    }

    /** Whether the demo operator exists already. */
    boolean exists() {
        return QuarkusTransaction.requiringNew().call(() -> Account.byHandle(HANDLE).isPresent());
    }

    private static void require(TransitionResult r) {
        if (r != TransitionResult.DONE) {
            throw new IllegalStateException("trial demo operator: transition " + r);
        }
    }
}
