package org.proxyfund.payout;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The history lines of a payout batch, from each event's facts; Russian in messages/payev_ru.properties. */
@MessageBundle(value = "payev", locale = "en")
public interface PayoutEventMessages {

    @Message("{lines} {#if lines == 1}line{#else}lines{/if}, {total} sats, part {part} of {parts}")
    String proposed(int lines, long total, int part, int parts);

    @Message("revision {from} → {to}, total {total} sats")
    String revised(int from, int to, long total);

    @Message("revision {revision} approved by one admin ({needed} approvals needed)")
    String approval_recorded(int revision, int needed);

    @Message("revision {revision} approved by admins {admins}")
    String approved(int revision, String admins);

    @Message("reason given: {reason}")
    String rejected(String reason);

    @Message("PSBT of transaction {txid} offered to the admins for signing")
    String awaiting_signatures(String txid);

    @Message("transaction {txid} signed")
    String signed(String txid);

    @Message("fee bump: transaction {txid} replaces {original}")
    String replacement(String txid, String original);

    @Message("transaction {txid} sent to the network")
    String broadcast(String txid);

    @Message("transaction {txid} confirmed ({confirmations} confirmations)")
    String confirmed(String txid, int confirmations);

    @Message("failed (from {from}): {reason}")
    String failed(String from, String reason);

    @Message("a reorg took transaction {txid} out of the chain; its booking is reversed and the same transaction is sent again")
    String left_chain(String txid);

    @Message("{n} {#if n == 1}line{#else}lines{/if}")
    String line_count(int n);
}
