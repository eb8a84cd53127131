package org.proxyfund.settlement;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the earnings page, the admin settlement pages and the pay-hold buttons; Russian in messages/settle_ru.properties. */
@MessageBundle(value = "settle", locale = "en")
public interface SettlementMessages {

    @Message("Earnings")
    String earnings_title();

    @Message("Owed to you now (payable, not yet paid)")
    String payable_now();

    @Message("Each week's uptime is turned into satoshis once the week has ended. Amounts below the minimum payout stay owed to you and are paid in a later batch.")
    String earnings_lead();

    @Message("No settled epoch includes your endpoints yet.")
    String earnings_none();

    @Message("Epoch")
    String epoch();

    @Message("Your share")
    String share();

    @Message("capped at the per-operator maximum")
    String capped();

    @Message("Endpoint")
    String endpoint();

    @Message("Uptime")
    String uptime();

    @Message("{#if regional}measured inside {region}: the median of {agents} probe agents{#else}measured by the central monitor{/if}")
    String basis(boolean regional, String region, int agents);

    @Message("Checks up / down (weak evidence)")
    String checks();

    @Message("Outcome")
    String outcome_heading();

    @Message("{#when o}{#is 'COUNTED'}Counted toward the share{#is 'OPERATOR_NOT_APPROVED'}Not paid: the account was not approved{#is 'ADDRESS_NOT_PROVEN'}Not paid: no proven payout address{#is 'HELD'}Not paid: pay was on hold by an admin{#is 'NO_DATA'}Not paid: no check gave a verdict (no data){#is 'LOW_COVERAGE'}Not paid: too few of the checks the schedule expected were recorded (the endpoint stalled or dropped them){#is 'BELOW_THRESHOLD'}Not paid: uptime below the threshold{#is 'ZERO_WEIGHT'}Not paid: its protocol or region weighs nothing{#else}{o}{/when}")
    String outcome(String o);

    @Message("{sats} sat")
    String sats(long sats);

    @Message("Settlements")
    String admin_title();

    @Message("Settle due epochs now")
    String settle_due();

    @Message("No epoch has been settled yet.")
    String admin_none();

    @Message("Settled {count} epoch(s); the latest is {key}.")
    String settled_notice(int count, String key);

    @Message("Calendar: epochs of {hours} h counted from {anchor}; budgets are per elapsed time.")
    String calendar_now(long hours, String anchor);

    @Message("Next to settle: {key} ({start} – {end}).")
    String calendar_next(String key, String start, String end);

    @Message("The calendar changed: the latest settlement ended at {latestEnd}, which is not a boundary of this calendar. Settlement continues exactly there with a shortened transition period up to {nextEnd}; the calendar's own epochs follow. No moment is settled twice, and each period's budget is for its own length.")
    String calendar_transition(String latestEnd, String nextEnd);

    @Message("transition")
    String transition();

    @Message("Computed at")
    String computed_at();

    @Message("Budget")
    String budget();

    @Message("Distributed")
    String distributed();

    @Message("Carried to the next epoch")
    String carried_out();

    @Message("Paid operators")
    String paid_count();

    @Message("Endpoints")
    String endpoint_count();

    @Message("Budget inputs")
    String inputs_heading();

    @Message("Mode")
    String mode();

    @Message("Wallet balance (ledger)")
    String balance();

    @Message("Reserve")
    String reserve();

    @Message("Already owed to operators")
    String owed();

    @Message("Carried in from the previous epoch")
    String carried_in();

    @Message("Available")
    String available();

    @Message("Asked by the policy")
    String asked();

    @Message("{#when l}{#is 'FIXED_AMOUNT'}the fixed amount per epoch{#is 'PERCENT_OF_BALANCE'}the percentage of the balance{#is 'AVAILABLE_BALANCE'}everything available (the policy asked for more){#is 'NOTHING_AVAILABLE'}nothing available{#else}{l}{/when}")
    String limit(String l);

    @Message("Limit that bound the budget")
    String limit_heading();

    @Message("Rules")
    String rules();

    @Message("Operators")
    String operators_heading();

    @Message("Operator")
    String operator();

    @Message("Amount")
    String amount();

    @Message("Showing the first {shown} of {total} endpoints; the JSON has all.")
    String endpoints_truncated(int shown, int total);

    @Message("Ledger entry")
    String ledger_entry();

    @Message("Hold pay")
    String hold();

    @Message("Release pay")
    String release();

    @Message("Pay on hold")
    String held();

    @Message("{#when r}{#is 'DONE'}Done.{#is 'NOT_FOUND'}No operator with that handle.{#is 'NOTHING_TO_DO'}Nothing changed: the operator was already in that state.{#is 'REASON_REQUIRED'}Give a reason (up to 1000 characters).{#else}{r}{/when}")
    String hold_result(String r);
}
