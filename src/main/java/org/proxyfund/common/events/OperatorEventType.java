package org.proxyfund.common.events;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of operator events, each with the stable name subscribers filter on and receivers see as {@code type}. */
public enum OperatorEventType {
    /** A delivery test the operator asked for. */
    PING("ping"),
    /** A batch paying the operator was broadcast: {@code batchId}, {@code txid}, {@code amountSats}. */
    PAYOUT_SENT("payout.sent"),
    /** That batch reached the confirmations required: {@code batchId}, {@code txid}, {@code amountSats}, {@code confirmations}. */
    PAYOUT_CONFIRMED("payout.confirmed"),
    /** A confirmed batch left the chain in a reorg; the amount is owed again until it confirms anew. */
    PAYOUT_LEFT_CHAIN("payout.left_chain"),
    /**
     * An outage of an endpoint was confirmed (failed checks in a row over a minimum time, outside maintenance), once per
     * outage: {@code endpointId}, {@code label}, {@code since} (its first failed check), {@code reason}.
     */
    ENDPOINT_DOWN("endpoint.down"),
    /** That endpoint passes its checks again (only after an {@code endpoint.down}): {@code endpointId}, {@code label}, {@code since}, {@code at}. */
    ENDPOINT_RECOVERED("endpoint.recovered"),
    /** An endpoint has had no check result for a while (proxyfund.alert.stale-after), once until results come again: {@code endpointId}, {@code label}, {@code staleAfterMinutes}. */
    ENDPOINT_STALE("endpoint.stale"),
    /** A webhook subscription was disabled after persistent delivery failure: {@code subscriptionId}, {@code url}, {@code reason}. */
    WEBHOOK_DISABLED("webhook.disabled");

    private final String wireName;

    OperatorEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in payloads and subscriptions. */
    public String wireName() {
        return wireName;
    }

    /** The type with this name, if any. */
    public static Optional<OperatorEventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
