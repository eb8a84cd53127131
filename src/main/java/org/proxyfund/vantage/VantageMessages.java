package org.proxyfund.vantage;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the admin pages for probe agents; Russian in messages/vant_ru.properties. */
@MessageBundle(value = "vant", locale = "en")
public interface VantageMessages {

    @Message("Probe agents")
    String admin_title();

    @Message("Agents check endpoints from inside the networks they serve. Create one, hand its one-time token to the volunteer who runs it, and revoke it when it is retired or seized: its requests and results are refused from then on.")
    String admin_lead();

    @Message("New agent")
    String create_title();

    @Message("Name")
    String name();

    @Message("Region (as endpoints give it, e.g. RU)")
    String region();

    @Message("Network (provider or AS)")
    String network();

    @Message("Create agent")
    String create();

    @Message("Agent {name} created. Its one-time enrollment token is shown only now; it expires on {expires}. The volunteer runs:")
    String created_notice(String name, String expires);

    @Message("Agent {id} revoked.")
    String revoked_notice(long id);

    @Message("Agent {id} is unknown or already revoked.")
    String revoke_refused(long id);

    @Message("{#when field}{#is 'name'}Name: 1 to 100 characters.{#is 'region'}Region: 2 to 64 characters.{#else}Network: 1 to 100 characters.{/when}")
    String field_error(String field);

    @Message("State")
    String state();

    @Message("{#when s}{#is 'ENROLLING'}waiting for enrollment{#is 'ACTIVE'}active{#is 'REVOKED'}revoked{#else}{s}{/when}")
    String state_name(String s);

    @Message("Last contact")
    String last_contact();

    @Message("never")
    String never();

    @Message("Results accepted / refused")
    String volume();

    @Message("UPs without proof")
    String false_ups();

    @Message("{count} UP(s) whose nonce never came through the proxy: check this agent")
    String flagged(long count);

    @Message("Created")
    String created();

    @Message("Revoke")
    String revoke();

    @Message("No agent yet.")
    String none();

    @Message("Reachability inside the regions it serves")
    String region_heading();

    @Message("Probe agents check it from inside the networks of these regions; the panel above is the central monitor, outside them.")
    String region_hint();

    @Message("Reachable in {region} from {seen} of {seen} networks.")
    String region_up(String region, int seen);

    @Message("Blocked in {region} from {down} of {seen} networks since {since}, reachable from outside: move it to a new address.")
    String region_blocked(String region, int down, int seen, String since);

    @Message("Down in {region} from {down} of {seen} networks since {since}, and from outside too.")
    String region_down(String region, int down, int seen, String since);

    @Message("Reachable in {region} from only {up} of {seen} networks; blocked or failing on the others.")
    String region_partial(String region, int up, int seen);

    @Message("Too few networks in {region} to tell: {seen} seen, {quorum} needed.")
    String region_unknown(String region, int seen, int quorum);

    @Message("{#when k}{#is 'DROP'}Seen inside: a silent drop (no answer to the connection).{#is 'RESET'}Seen inside: the connection is reset.{#is 'CUT'}Seen inside: the connection is cut during the handshake, after the first bytes.{#else}Seen inside: other failures.{/when}")
    String kind(String k);

    @Message("Agreement with its region (24 h)")
    String agreement();

    @Message("{#if percent < 0}nothing to compare{#else}{percent} % of {compared} checks{/if}")
    String agreement_value(int percent, long compared);

    @Message("nothing to compare")
    String agreement_none();

    @Message("Impaired")
    String impaired();

    @Message("{#if now}impaired now: {#else}{/if}{count} control check(s) failed while the central monitor saw them up")
    String impaired_value(boolean now, long count);

    @Message("Control endpoints")
    String controls_title();

    @Message("Endpoints you know to be up (your own proxies). They are mixed unannounced into every agent's work; an agent that finds one down while the central monitor finds it up is impaired for that time, and its DOWNs then count as unknown.")
    String controls_lead();

    @Message("Endpoint #")
    String control_endpoint();

    @Message("Mark as control")
    String control_mark();

    @Message("Unmark")
    String control_unmark();

    @Message("No control endpoints.")
    String controls_none();

    @Message("Endpoint {id} is now a control.")
    String control_marked(long id);

    @Message("Endpoint {id} is no longer a control.")
    String control_unmarked(long id);

    @Message("{#when code}{#is 'NOT_AN_AGENT_PROTOCOL'}Not marked: agents check only SOCKS5, HTTP CONNECT and Shadowsocks endpoints.{#is 'ALREADY'}Not marked: it is a control already.{#else}Not marked: no approved endpoint with that number.{/when}")
    String control_refused(String code);
}
