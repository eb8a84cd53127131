package org.proxyfund.wallet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.function.ToDoubleFunction;

/** Prometheus gauges of the wallet: balances (sats), chain height, peers; NaN while the wallet is off. */
@ApplicationScoped
public class WalletMetrics {

    @Inject
    WalletService wallet;
    @Inject
    MeterRegistry registry;

    void onStart(@Observes StartupEvent event) {
        gauge("proxyfund_wallet_balance_confirmed_sats", "Confirmed wallet balance (1+ confirmations)",
                w -> w.balance(1).confirmedSats());
        gauge("proxyfund_wallet_balance_unconfirmed_sats", "Unconfirmed wallet balance", w -> w.balance(1).unconfirmedSats());
        gauge("proxyfund_wallet_chain_height", "Height of the wallet's best chain", w -> w.state().chainHeight());
        gauge("proxyfund_wallet_peers", "Connected Bitcoin peers", w -> w.state().peers());
    }

    private void gauge(String name, String help, ToDoubleFunction<WalletService> value) {
        Gauge.builder(name, wallet, w -> w.running() ? value.applyAsDouble(w) : Double.NaN).description(help).register(registry);
    }
}
