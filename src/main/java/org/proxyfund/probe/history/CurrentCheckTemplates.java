package org.proxyfund.probe.history;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.proxyfund.probe.DetailTexts;

/** Lets the health panel show the latest check's technical detail in the page's language ({@code {h.current.shownDetail}}). */
@TemplateExtension
final class CurrentCheckTemplates {

    private CurrentCheckTemplates() {
    }

    /** The detail in the page's language; the stored English text when it was stored without a key. */
    static String shownDetail(CurrentCheck check, @TemplateAttribute("locale") Object locale) {
        return DetailTexts.shown(check.detailCode(), locale, check.detail());
    }
}
