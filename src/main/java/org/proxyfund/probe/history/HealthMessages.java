package org.proxyfund.probe.history;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the health panels, the 7-day graph and the admin health table; Russian in messages/health_ru.properties. */
@MessageBundle(value = "health", locale = "en")
public interface HealthMessages {

    @Message("Health")
    String nav_health();

    @Message("Health and uptime")
    String heading();

    @Message("Current state")
    String current_state();

    @Message("{#when s}{#is 'UP'}Up{#is 'DOWN'}Down{#is 'UNKNOWN'}Unknown{#is 'STALE'}Stale: no check result for more than two check intervals{#else}Not checked yet{/when}")
    String state(String s);

    @Message("{#when r}{#is 'CONNECT_REFUSED'}Nothing accepted the connection at this address and port: the server is stopped, or a firewall rejects us."
            + "{#is 'TIMEOUT'}The endpoint did not answer in time: it is overloaded or very slow, or a firewall silently drops our packets."
            + "{#is 'AUTH_REJECTED'}The endpoint refused the credential we issued: check that it is configured on the proxy. A proxy that knows the secret but cannot reach onward can look the same: check its route out too."
            + "{#is 'RELAY_FAILED'}The endpoint accepted us but did not carry traffic through to our test server: its rules do not allow the addresses listed under \"What your proxy must allow\", or its network cannot reach them."
            + "{#is 'PROTOCOL_ERROR'}The endpoint answered, but not in the protocol it was registered with."
            + "{#is 'BLOCKED_TARGET'}The host now resolves to an address we may not check (private or reserved), so nothing was sent."
            + "{#is 'OPEN_PROXY'}The endpoint relays for anyone: it carried our traffic without the credential we issued (or with a wrong one), so anyone could register it. Configure the issued credential so that only it is relayed."
            + "{#is 'CANARY_ONLY'}The endpoint relayed to our test server but not to Telegram: its rules allow only our test server (allow the Telegram addresses listed under \"What your proxy must allow\"), or its network cannot reach Telegram."
            + "{#is 'OWNERSHIP_UNVERIFIED'}The server answered, but your ownership token is not published where we look (DNS TXT record or the well-known URL), so it earns nothing until we find it."
            + "{#else}{r}{/when}")
    String reason(String r);

    @Message("The monitor could not tell (its own problem). This is never counted against you.")
    String unknown_hint();

    @Message("Weak evidence: only an open port was seen, no traffic relayed.")
    String weak_hint();

    @Message("Last reason")
    String last_reason();

    @Message("Last checked")
    String last_checked();

    @Message("Down since")
    String down_since();

    @Message("Latency of the last check")
    String last_latency();

    @Message("never")
    String never();

    @Message("Uptime")
    String uptime();

    @Message("Median latency (p50)")
    String p50();

    @Message("Latency p95")
    String p95();

    @Message("24 hours")
    String window_24h();

    @Message("7 days")
    String window_7d();

    @Message("30 days")
    String window_30d();

    @Message("no data")
    String no_data();

    @Message("{ms} ms")
    String ms(Integer ms);

    @Message("Uptime counts UP and DOWN checks only. UNKNOWN checks, made while the monitor itself was impaired, count neither way.")
    String uptime_rule();

    @Message("No endpoints yet.")
    String none();

    @Message("Uptime over the last 7 days, hour by hour (UTC)")
    String graph_title();

    @Message("Hours all up: {up}; down: {down}; mixed: {mixed}; only unknown: {unknown}; without data: {none}.")
    String graph_desc(long up, long down, long mixed, long unknown, long none);

    @Message("{up} up, {down} down, {unknown} unknown")
    String hour_counts(int up, int down, int unknown);

    @Message("{#when k}{#is 'UP'}all up{#is 'DOWN'}down{#is 'MIXED'}partly down{#is 'UNKNOWN_ONLY'}only unknown (monitor impaired){#else}no data{/when}")
    String kind(String k);

    @Message("Health of all endpoints")
    String admin_title();

    @Message("{total} endpoints. Uptime counts UP and DOWN checks; UNKNOWN ones are excluded.")
    String admin_lead(long total);

    @Message("Operator")
    String col_operator();

    @Message("Name")
    String col_label();

    @Message("Type")
    String col_type();

    @Message("Region")
    String col_region();

    @Message("Endpoint state")
    String col_state();

    @Message("Check")
    String col_check();

    @Message("Last reason")
    String col_reason();

    @Message("Uptime 24 h")
    String col_uptime24();

    @Message("Uptime 7 d")
    String col_uptime7();

    @Message("Uptime 30 d")
    String col_uptime30();

    @Message("Last checked")
    String col_checked();

    @Message("sort ascending")
    String sort_asc();

    @Message("sort descending")
    String sort_desc();

    @Message("Page {page} of {pages}")
    String page_of(int page, int pages);

    @Message("Previous page")
    String prev();

    @Message("Next page")
    String next();
}
