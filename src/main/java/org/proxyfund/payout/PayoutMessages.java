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

    @Message("Left the chain")
    String reorged();

    @Message("{count} time(s), last at {at}: a reorg took the block with its transaction away; the booking was reversed and the same transaction sent again")
    String reorged_detail(int count, java.time.Instant at);

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

    @Message("Fee rate")
    String fee_rate();

    @Message("Fee rate now")
    String fee_now();

    @Message("{rate} sat/vB from " + SOURCE + ": {estimate} sat/vB for {target} blocks; floor {floor}, ceiling {ceiling} sat/vB")
    String fee_now_detail(long rate, String source, long estimate, int target, long floor, long ceiling);

    @Message("from " + SOURCE + ": {estimate} sat/vB for {target} blocks")
    String fee_basis(String source, long estimate, int target);

    /** Where a fee rate came from, in words (a FeeEstimate.Source name in {@code source}). */
    String SOURCE = "{#when source}{#is 'NODE_ESTIMATE'}the node's estimate (estimatesmartfee){#is 'NODE_MEMPOOL'}the node's mempool{#is 'FIXED'}the fixed rate (proxyfund.payout.fee-rate-sat-per-vb){/when}";

    @Message("The node gave no estimate: {detail}")
    String fee_no_estimate(String detail);

    @Message("{#when why}"
            + "{#is 'WALLET_OFF'}The wallet is not running (proxyfund.wallet.enabled=false, or stopped): nothing is signed, sent or tracked."
            + "{#is 'NO_PEER'}No Bitcoin node is connected to the wallet: nothing is sent or tracked until a node answers."
            + "{#is 'CATCHING_UP'}The wallet is catching up with the chain (height {a} of the node's {b}): payout work waits until it has."
            + "{#is 'BLOCK_MISSING'}The node announced a block that has not reached the wallet (wallet at height {a}, node at {b}): the node does not answer in time; payout work waits."
            + "{#is 'NODE_DID_NOT_TAKE'}Signed and stored, but no Bitcoin node took transaction {a} ({b}): the same bytes are sent again at every pass."
            + "{#is 'NODE_REJECTED'}The node refused transaction {a} ({b}): the same bytes are sent again at every pass."
            + "{#is 'FUNDS'}The wallet lacks {a} sat, in coins confirmed at least {b} times, for the outputs and the fee."
            + "{#is 'COINS_RESERVED'}The wallet lacks {a} sat without the coins reserved for the PSBT of batch {b}, which awaits the admins' signatures: it waits until that batch is signed and sent, or more coins arrive."
            + "{#is 'FEE_SHARE'}The fee of {a} sat is more than {b} % of the batch's {c} sat: it waits for lower fees or a larger batch."
            + "{#is 'CONFIRMATIONS'}Sent: {a} of {b} confirmations."
            + "{#is 'FEE_CEILING'}Unconfirmed at {a} sat/vB: a fee bump would pass the ceiling of {b} sat/vB (proxyfund.payout.max-fee-rate-sat-per-vb)."
            + "{#is 'BUMP_FEE_SHARE'}Unconfirmed, but a fee bump's fee of {a} sat would be more than {b} % of the batch's {c} sat."
            + "{#is 'BUMP_FUNDS'}Unconfirmed; a fee bump lacks {a} sat."
            + "{#is 'CANNOT_BUMP'}Unconfirmed; the wallet cannot bump its fee: {a}."
            + "{#is 'MAX_BUMPS'}Unconfirmed at {b} sat/vB after {a} fee bumps, the most allowed (proxyfund.payout.fee.max-bumps)."
            + "{#is 'FLOAT_REFILL'}Needs a refill of the float from cold storage: the hot wallet lacks {a} sat for the outputs and the fee (it holds {b} sat it can spend; its cap is {c} sat). The admins sign a payment from the cold wallet to the float's refill address shown on the payouts page; the batch is sent once the refill is confirmed."
            + "{#is 'FLOAT_CAP'}Above the hot float's cap: {a} sat against a cap of {b} sat (proxyfund.treasury.hot-cap-sats), so the float never pays it (proposed before the cap was lowered, or its fee came out above the share allowed). Reject it: the next proposal splits what is owed into batches the float can pay; or raise the cap."
            + "{/when}")
    String wait_reason(String why, String a, String b, String c);

    /** A batch state's name for people; the stored code stays in the page's data attributes and in the API. */
    @Message("{#when s}{#is 'PROPOSED'}proposed{#is 'APPROVED'}approved{#is 'AWAITING_SIGNATURES'}awaiting signatures"
            + "{#is 'SIGNED'}signed{#is 'BROADCAST'}broadcast{#is 'CONFIRMED'}confirmed{#is 'REJECTED'}rejected{#is 'FAILED'}failed{#else}{s}{/when}")
    String batch_state(String s);

    /** What happened to a batch, by the stored event kind. */
    @Message("{#when k}{#is 'Proposed'}proposed{#is 'Revised'}revised{#is 'ApprovalRecorded'}approval recorded"
            + "{#is 'Approved'}approved{#is 'Rejected'}rejected{#is 'AwaitingSignatures'}PSBT offered for signing{#is 'Signed'}signed"
            + "{#is 'ReplacementRecorded'}fee bump recorded{#is 'Broadcast'}broadcast{#is 'Confirmed'}confirmed"
            + "{#is 'Failed'}failed{#is 'LeftChain'}left the chain (reorg){#else}{k}{/when}")
    String event_kind(String k);

    @Message("approved, waiting for the admins' signatures")
    String word_awaiting_signatures();

    @Message("Sign with your own wallet (PSBT)")
    String psbt_title();

    @Message("Revision {revision} of the PSBT: transaction {txid}, fee {fee} sat, about {vsize} vB. Open it in your "
            + "wallet (Electrum, Sparrow, a hardware wallet), check every output and the fee, sign it, and upload the signed "
            + "PSBT or the signed transaction (hex). The service accepts it only if it is exactly this transaction signed "
            + "by the fund's keys, then sends it.")
    String psbt_help(int revision, String txid, long fee, int vsize);

    @Message("Download the .psbt file")
    String psbt_download();

    @Message("PSBT (base64)")
    String psbt_base64();

    @Message("Signed PSBT (base64) or signed transaction (hex)")
    String psbt_signed();

    @Message("Upload the signature")
    String psbt_upload();

    @Message("Signature accepted: transaction {txid} is stored and will be broadcast.")
    String psbt_accepted(String txid);

    @Message("You already signed this batch (transaction {txid}); nothing changed.")
    String psbt_already_signed_by_you(String txid);

    @Message("This batch does not await signatures: it is {state}.")
    String psbt_not_awaiting(String state);

    /** Why a signed upload was refused; a to e are the facts PsbtCheck.Reason lists for each reason. */
    @Message("Refused: {#when why}"
            + "{#is 'UNREADABLE'}this is neither a PSBT nor a signed transaction ({a})."
            + "{#is 'OLD_REVISION'}this is the transaction of revision {a} of the PSBT; the current one is revision {b}. Download it again and sign that."
            + "{#is 'OTHER_INPUTS'}it spends other coins than the proposed transaction."
            + "{#is 'OTHER_OUTPUTS'}output {a} pays {e} sat to {d}; the batch proposed {c} sat to {b}."
            + "{#is 'OTHER_OUTPUT_COUNT'}it has {b} outputs; the proposed transaction has {a}."
            + "{#is 'OTHER_FEE'}its fee is {b} sat; the proposed fee is {a} sat."
            + "{#is 'OTHER_TRANSACTION'}its version, lock time, input order or sequences differ from the proposed transaction."
            + "{#is 'NOT_SIGNED'}input {a} is not signed."
            + "{#is 'KEY_NOT_IN_WALLET'}input {a} is signed by key {b}, which is not the fund's key for that coin."
            + "{#is 'BAD_SIGNATURE'}the signature of input {a} is not valid ({b})."
            + "{#else}{why}{/when}")
    String psbt_refused(String why, String a, String b, String c, String d, String e);

    @Message("Fee rate (sat/vB)")
    String psbt_renew_rate();

    @Message("Build a new PSBT (same coins; earlier revisions are refused from then on)")
    String psbt_renew();

    @Message("Refill the hot float from cold storage")
    String refill_title();

    @Message("A batch the float cannot cover waits for a refill. Build and sign, in the admins' own wallets, a payment from the cold wallet to this address of the hot wallet; the service books it (cold storage to hot wallet) once confirmed and sends the batch. A new address is shown once this one has been paid.")
    String refill_text();
}
