package org.proxyfund.settlement;


import java.util.Locale;
import org.proxyfund.web.Bundles;

/** Helpers the settlement pages share: the message bundle in the visitor's language. */
final class SettlementPages {

    private SettlementPages() {
    }

    static SettlementMessages messages(Locale locale) {
        return Bundles.of(SettlementMessages.class, locale);
    }
}
