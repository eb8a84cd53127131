package org.proxyfund.trial;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of trial mode: the banner on every page and the trial console; Russian in messages/trial_ru.properties. */
@MessageBundle(value = "trial", locale = "en")
public interface TrialMessages {

    @Message("Trial mode: this is a test installation on Bitcoin regtest. Its coins are worthless test coins, and its data stays in ./.proxyfund on this computer.")
    String banner();

    @Message("Trial console")
    String console_title();

    @Message("Walk the money path on this machine: pay a donation address with the local node's test coins, mine blocks to confirm payments, and run settlement now.")
    String console_lead();

    @Message("The local regtest node")
    String node_heading();

    @Message("Height {height}. Its test coins are mined to the trial faucet, {address}; send coins there to add to them.")
    String node_status(int height, String address);

    @Message("No regtest node answers: see the home page and the service's log.")
    String no_node();

    @Message("Pay a donation address")
    String pay_heading();

    @Message("Ask for an address on the donate page, paste it here and send test coins from the faucet. The payment is seen at once; mine a block to confirm it.")
    String pay_text();

    @Message("Address (bcrt1… or a legacy regtest address)")
    String address_label();

    @Message("Amount in BTC (at most 10)")
    String amount_label();

    @Message("Pay from the faucet")
    String pay_button();

    @Message("Mine blocks")
    String mine_heading();

    @Message("Each block confirms what waits in the node's mempool (donations, and payout transactions once a batch is sent) and pays the faucet, which can spend a block's reward 100 blocks later.")
    String mine_text();

    @Message("Blocks (1 to 100)")
    String blocks_label();

    @Message("Mine")
    String mine_button();

    @Message("Run settlement now")
    String settle_heading();

    @Message("Settles the epochs that have ended (trial epochs are short) and proposes their payout batch, as the daily schedule does; approve it on the payouts page.")
    String settle_text();

    @Message("Settle and propose")
    String settle_button();

    @Message("Trial mode: use a test address whose key this trial keeps, set and proven for you in one step (the proof is a signed message checked like any other).")
    String payout_text();

    @Message("Use a proven trial address")
    String payout_button();

    @Message("Paid: transaction {txid}.")
    String paid(String txid);

    @Message("Mined: the chain is now at height {height}.")
    String mined(String height);

    @Message("{#when code}{#is 'amount'}Give an amount in BTC above 0 and at most 10, with at most 8 decimals.{#is 'address'}Give the address to pay.{#is 'blocks'}Give a number of blocks from 1 to 100.{#is 'no-node'}No regtest node answers.{#else}The node refused it{/when}")
    String refused(String code);

    @Message("A demo operator with a real proxy")
    String demo_heading();

    @Message("Creates the approved operator demo-operator with a proven trial payout address and one SOCKS5 endpoint on 127.0.0.1, served by a real proxy (microsocks) that this trial starts with the credential the service issues, and stops with the service. Its health checks relay through that proxy every minute, so it earns what its uptime earns in the next settlement.")
    String demo_text();

    @Message("Register the demo operator")
    String demo_button();

    @Message("The demo operator exists: its endpoint and earnings are on the admin pages.")
    String demo_exists();

    @Message("No proxy is installed on this computer, so there is no demo operator: its endpoint would be a real SOCKS5 proxy, microsocks. Install it (Debian/Ubuntu: sudo apt-get install microsocks) and start ./run again.")
    String no_proxy();

    @Message("Registered {handle} (password {password}, shown this once: sign in with it to see the operator's dashboard), with its endpoint {address} served by a local microsocks and approved.")
    String demo_done(String handle, String password, String address);

    @Message("Endpoints")
    String demo_endpoints_link();

    @Message("{#when code}{#is 'no-proxy'}No proxy (microsocks) is installed on this computer.{#is 'exists'}The demo operator exists already.{#else}The demo proxy could not start: see the service's log.{/when}")
    String demo_refused(String code);

    @Message("Trial mode: a real proxy on this computer")
    String proxy_heading();

    @Message("This endpoint is on this computer. Trial mode can run a real SOCKS5 proxy (microsocks) on its port with the credential above, as you would on a server of your own; it stops with the service and starts again with it.")
    String proxy_text();

    @Message("Run the proxy here")
    String proxy_button();

    @Message("A local microsocks serves {address} with the credential above.")
    String proxy_running(String address);
}
