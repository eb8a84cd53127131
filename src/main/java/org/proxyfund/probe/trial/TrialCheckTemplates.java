package org.proxyfund.probe.trial;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.proxyfund.probe.DetailTexts;

/** Lets the endpoint page show the detail of the check asked for in the page's language ({@code {t.shownDetail}}). */
@TemplateExtension
final class TrialCheckTemplates {

    private TrialCheckTemplates() {
    }

    /** The detail in the page's language; the stored English text when it was stored without a key. */
    static String shownDetail(TrialCheck.View check, @TemplateAttribute("locale") Object locale) {
        return DetailTexts.shown(check.detailCode(), locale, check.detail());
    }
}
