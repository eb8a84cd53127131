package org.proxyfund.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.proxyfund.common.metrics.DbGauges;

import javax.sql.DataSource;

/** Ledger gauges (sats): what operators are owed, the wallet as the ledger books it, miner fees paid so far. */
@ApplicationScoped
public class LedgerMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;

    private DbGauges gauges;

    void onStart(@Observes StartupEvent event) {
        gauges = new DbGauges(registry, dataSource);
        gauges.register("proxyfund_operators_owed_sats", "Sum of all operators' payable balances (settled, not yet paid)");
        gauges.register("proxyfund_ledger_wallet_sats", "The ledger's wallet account (equals the confirmed wallet balance)");
        gauges.register("proxyfund_miner_fees_paid_sats", "Miner fees of confirmed payout and sweep transactions, in total");
        refresh();
    }

    @Scheduled(every = "${proxyfund.metrics.refresh-every:30s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        gauges.read("SELECT COALESCE(-sum(amount_sats) FILTER (WHERE starts_with(account, '" + LedgerService.OPERATOR_PAYABLE_PREFIX + "')), 0),"
                        + " COALESCE(sum(amount_sats) FILTER (WHERE account = '" + LedgerService.WALLET + "'), 0),"
                        + " COALESCE(sum(amount_sats) FILTER (WHERE account = '" + LedgerService.MINER_FEES + "'), 0) FROM ledger_line",
                rs -> {
                    gauges.set("proxyfund_operators_owed_sats", rs.getLong(1));
                    gauges.set("proxyfund_ledger_wallet_sats", rs.getLong(2));
                    gauges.set("proxyfund_miner_fees_paid_sats", rs.getLong(3));
                });
    }
}
