package org.proxyfund.alert;

import org.proxyfund.common.events.OperatorEventType;
import org.proxyfund.probe.history.HealthMessages;
import org.proxyfund.web.Bundles;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The subject and text of one alert in the operator's language; empty for events that are not alerts (ping). */
final class AlertTexts {

    record Text(String subject, String body) {
    }

    private AlertTexts() {
    }

    static Optional<Text> of(OperatorEventType type, Map<String, Object> d, Locale locale) {
        AlertMessages m = Bundles.of(AlertMessages.class, locale);
        return Optional.ofNullable(switch (type) {
            case ENDPOINT_DOWN -> new Text(m.down_subject(s(d, "label")),
                    m.down_body(s(d, "label"), utc(s(d, "since")), reason(s(d, "reason"), locale)));
            case ENDPOINT_RECOVERED -> new Text(m.recovered_subject(s(d, "label")),
                    m.recovered_body(s(d, "label"), utc(s(d, "at")), utc(s(d, "since"))));
            case ENDPOINT_STALE -> new Text(m.stale_subject(s(d, "label")), m.stale_body(s(d, "label"), n(d, "staleAfterMinutes")));
            case PAYOUT_SENT -> new Text(m.payout_sent_subject(n(d, "amountSats")), m.payout_sent_body(n(d, "amountSats"), s(d, "txid")));
            case PAYOUT_CONFIRMED -> new Text(m.payout_confirmed_subject(n(d, "amountSats")),
                    m.payout_confirmed_body(n(d, "amountSats"), s(d, "txid")));
            case PAYOUT_LEFT_CHAIN -> new Text(m.payout_left_chain_subject(n(d, "amountSats")),
                    m.payout_left_chain_body(n(d, "amountSats"), s(d, "txid")));
            case WEBHOOK_DISABLED -> new Text(m.webhook_disabled_subject(),
                    m.webhook_disabled_body(n(d, "subscriptionId"), s(d, "url"), s(d, "reason")));
            case PING -> null;
        });
    }

    /** A down reason's code in words, as the health pages say it. */
    private static String reason(String code, Locale locale) {
        return code.isEmpty() ? "" : Bundles.of(HealthMessages.class, locale).reason(code);
    }

    private static String s(Map<String, Object> d, String key) {
        Object v = d.get(key);
        return v == null ? "" : v.toString();
    }

    private static long n(Map<String, Object> d, String key) {
        Object v = d.get(key);
        return v instanceof Number x ? x.longValue() : v == null ? 0 : Long.parseLong(v.toString());
    }

    /** An ISO instant as "yyyy-MM-dd HH:mm" (UTC); anything else as it is. */
    private static String utc(String iso) {
        return iso.length() >= 16 && iso.charAt(10) == 'T' ? iso.substring(0, 10) + " " + iso.substring(11, 16) : iso;
    }
}
