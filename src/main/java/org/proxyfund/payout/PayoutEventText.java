package org.proxyfund.payout;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.proxyfund.web.Bundles;

/**
 * A batch event's history line in the reader's language, from its stored facts; an event recorded before facts were
 * kept (or of a kind this code does not know) shows its English detail as stored.
 */
final class PayoutEventText {

    private PayoutEventText() {
    }

    static String of(PayoutEventView e, Locale locale) {
        Map<String, Object> f = e.facts();
        if (f == null) {
            return e.detail();
        }
        PayoutEventMessages m = Bundles.of(PayoutEventMessages.class, locale);
        try {
            return switch (e.kind()) {
                case "Proposed" -> m.proposed(i(f, "lines"), l(f, "totalSats"), i(f, "part"), i(f, "parts"));
                case "Revised" -> m.revised(i(f, "fromRevision"), i(f, "toRevision"), l(f, "totalSats"));
                case "ApprovalRecorded" -> m.approval_recorded(i(f, "revision"), i(f, "approvalsNeeded"));
                case "Approved" -> m.approved(i(f, "revision"), admins(f.get("adminIds")));
                case "Rejected" -> m.rejected(s(f, "reason"));
                case "AwaitingSignatures" -> m.awaiting_signatures(s(f, "txid"));
                case "Signed" -> m.signed(s(f, "txid"));
                case "ReplacementRecorded" -> m.replacement(s(f, "txid"), s(f, "originalTxid"));
                case "Broadcast" -> m.broadcast(s(f, "txid"));
                case "Confirmed" -> m.confirmed(s(f, "txid"), i(f, "confirmations"));
                case "Failed" -> m.failed(PayoutPages.messages(locale).batch_state(s(f, "from")), s(f, "reason"));
                case "LeftChain" -> m.left_chain(s(f, "txid"));
                default -> e.detail();
            };
        } catch (RuntimeException missing) {
            return e.detail();
        }
    }

    /** The number of lines of a batch, in words of the reader's language. */
    static String lineCount(int n, Locale locale) {
        return Bundles.of(PayoutEventMessages.class, locale).line_count(n);
    }

    private static String admins(Object ids) {
        return ids instanceof List<?> list ? list.stream().map(id -> "#" + id).collect(Collectors.joining(", ")) : "";
    }

    private static int i(Map<String, Object> f, String name) {
        return ((Number) f.get(name)).intValue();
    }

    private static long l(Map<String, Object> f, String name) {
        return ((Number) f.get(name)).longValue();
    }

    private static String s(Map<String, Object> f, String name) {
        return String.valueOf(f.get(name));
    }
}
