package org.proxyfund.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the transparency page; Russian in messages/transp_ru.properties. */
@MessageBundle(value = "transp", locale = "en")
public interface TransparencyMessages {

    @Message("Where the money goes")
    String title();

    @Message("Every satoshi received and paid, from the {network} chain as our wallet follows it and from the service's double-entry ledger; the ledger check compares the two every minute.")
    String lead(String network);

    @Message("Received (confirmed donations)")
    String received();

    @Message("{count} payment(s)")
    String payments(int count);

    @Message("Reversed (a reorganisation or double-spend took a confirmed donation out of the chain)")
    String reversed();

    @Message("Paid to operators")
    String paid();

    @Message("{count} confirmed transaction(s)")
    String transactions(int count);

    @Message("Miner fees paid")
    String fees();

    @Message("Balance, confirmed")
    String balance_confirmed();

    @Message("Balance, unconfirmed")
    String balance_unconfirmed();

    @Message("Hot wallet (the float the service pays from), per the ledger")
    String hot();

    @Message("Cold storage (swept to addresses whose keys only the admins hold), per the ledger")
    String cold();

    @Message("{count} address(es) listed below")
    String cold_addresses(int count);

    @Message("Swept to cold storage")
    String sweeps();

    @Message("What the hot wallet held above its cap went to these cold addresses, each used once: look any of them up on a copy of the chain.")
    String sweeps_lead();

    @Message("Refilled from cold storage")
    String refills();

    @Message("What the admins paid back from the cold wallet to the hot float: cold storage is the sweeps above less these.")
    String refills_lead();

    @Message("Hot address")
    String hot_address();

    @Message("Cold address")
    String cold_address();

    @Message("Owed to operators (settled, not yet paid)")
    String owed();

    @Message("Spent on operators per day (last {n} settlements)")
    String spent_per_day(int n);

    @Message("Runway")
    String runway();

    @Message("{#if days != null}{days} days at that rate (confirmed balance and cold storage less what is owed){#else}unknown until settlements spend something{/if}")
    String runway_value(Long days);

    @Message("Payouts")
    String payouts();

    @Message("No payouts yet.")
    String none();

    @Message("Transaction")
    String tx();

    @Message("{#when state}{#is 'CONFIRMED'}confirmed{#is 'IN_FLIGHT'}sent, waiting for confirmations{/when}")
    String state(String state);

    @Message("Block")
    String block();

    @Message("Date")
    String date();

    @Message("Outputs")
    String outputs();

    @Message("Amount")
    String amount();

    @Message("Fee")
    String fee();

    @Message("The same data as JSON")
    String as_json();
}
