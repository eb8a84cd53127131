package org.proxyfund.payout;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the payout pages; Russian in messages/payout_ru.properties. */
@MessageBundle(value = "payout", locale = "en")
public interface PayoutMessages {

    @Message("Payout batches")
    String admin_title();

    @Message("Propose now (settle finished epochs, then propose)")
    String propose_now();

    @Message("Waiting for approval")
    String section_proposed();

    @Message("Approved, to be sent")
    String section_approved();

    @Message("In flight")
    String section_in_flight();

    @Message("Completed")
    String section_completed();

    @Message("None.")
    String none();

    @Message("Batch")
    String batch();

    @Message("State")
    String state();

    @Message("Revision")
    String revision();

    @Message("Lines")
    String lines();

    @Message("Total")
    String total();

    @Message("Fee")
    String fee();

    @Message("Size")
    String vsize();

    @Message("Transactions (original first, then fee bumps)")
    String transactions();

    @Message("Approvals of this revision")
    String approvals();

    @Message("History")
    String history();

    @Message("Operator")
    String operator();

    @Message("Address")
    String address();

    @Message("Amount")
    String amount();

    @Message("Approve revision {revision}")
    String approve(int revision);

    @Message("Reject")
    String reject();

    @Message("Reason")
    String reason();

    @Message("Remove")
    String remove_line();

    @Message("Waiting")
    String waiting();

    @Message("Why it closed")
    String closing_reason();

    @Message("{sats} sat")
    String sats(long sats);

    @Message("Your payouts")
    String operator_title();

    @Message("You are in no payout batch yet.")
    String operator_none();

    @Message("Transaction")
    String transaction();

    @Message("Output")
    String output();

    @Message("Block")
    String block();

    @Message("Date")
    String date();

    @Message("Paid to")
    String paid_to();

    @Message("waiting for approval")
    String word_proposed();

    @Message("approved, being sent")
    String word_approved();

    @Message("sent, waiting for confirmations")
    String word_in_flight();

    @Message("paid")
    String word_confirmed();

    @Message("rejected by an admin: the amount stays owed to you")
    String word_rejected();

    @Message("failed: the amount stays owed to you")
    String word_failed();

    /** A batch state's name for people; the stored code stays in the page's data attributes and in the API. */
    @Message("{#when s}{#is 'PROPOSED'}proposed{#is 'APPROVED'}approved{#is 'SIGNED'}signed{#is 'BROADCAST'}broadcast"
            + "{#is 'CONFIRMED'}confirmed{#is 'REJECTED'}rejected{#is 'FAILED'}failed{#else}{s}{/when}")
    String batch_state(String s);

    /** What happened to a batch, by the stored event kind. */
    @Message("{#when k}{#is 'Proposed'}proposed{#is 'Revised'}revised{#is 'ApprovalRecorded'}approval recorded"
            + "{#is 'Approved'}approved{#is 'Rejected'}rejected{#is 'Signed'}signed"
            + "{#is 'ReplacementRecorded'}fee bump recorded{#is 'Broadcast'}broadcast{#is 'Confirmed'}confirmed"
            + "{#is 'Failed'}failed{#else}{k}{/when}")
    String event_kind(String k);
}
