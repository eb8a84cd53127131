package org.proxyfund.settlement;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.Locale;

/** Helpers the settlement pages share: the message bundle in the visitor's language. */
final class SettlementPages {

    private SettlementPages() {
    }

    static SettlementMessages messages(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(SettlementMessages.class, Localized.Literal.of("ru"))
                : MessageBundles.get(SettlementMessages.class);
    }
}
