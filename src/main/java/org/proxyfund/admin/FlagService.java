package org.proxyfund.admin;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.operator.AccountService;
import org.proxyfund.operator.OperatorConfig;
import org.proxyfund.operator.OperatorQueries;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Signs of one person running several accounts, for admins to look at before approving. */
@ApplicationScoped
@Transactional
public class FlagService {

    /** A group of operators that share something they should not, and what it is. */
    public record Flag(String kind, String shared, List<String> handles) {
    }

    @Inject
    OperatorQueries operators;

    @Inject
    EndpointQueries endpoints;

    @Inject
    AccountService accounts;

    @Inject
    OperatorConfig config;

    /** Accounts signed up from one client address (seen only as its keyed hash). */
    public List<Flag> manySignups() {
        return operators.handlesBySignupClient(config.manySignupsThreshold()).entrySet().stream()
                .map(e -> new Flag("MANY_SIGNUPS", e.getKey().substring(0, 8), e.getValue())).toList();
    }

    /** Live endpoints of different operators in one /24 (IPv4) or /48 (IPv6). */
    public List<Flag> sharedSubnets() {
        return endpoints.operatorsBySharedSubnet().entrySet().stream()
                .map(e -> new Flag("SAME_SUBNET", e.getKey(), List.copyOf(operators.handles(e.getValue()).values()))).toList();
    }

    /** One payout address named by several operators. */
    public List<Flag> sharedPayoutAddresses() {
        return operators.handlesBySharedPayoutAddress().entrySet().stream()
                .map(e -> new Flag("SHARED_PAYOUT", e.getKey(), e.getValue())).toList();
    }

    /** Every flag, for the console. */
    public List<Flag> all() {
        List<Flag> out = new java.util.ArrayList<>(manySignups());
        out.addAll(sharedSubnets());
        out.addAll(sharedPayoutAddresses());
        return out;
    }

    /** Forgets the sign-up client keys older than the retention period. */
    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldClientKeys() {
        accounts.forgetSignupClientKeys(OffsetDateTime.now(ZoneOffset.UTC).minus(config.clientKeyRetention()));
    }
}
