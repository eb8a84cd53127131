package org.proxyfund.probe;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.proxyfund.probe.history.CurrentCheck;
import org.proxyfund.probe.trial.TrialCheck;

import java.util.Locale;

/** Lets pages show a check's technical detail in the page's language ({@code {h.current.shownDetail}}). */
@TemplateExtension
final class DetailTemplates {

    private DetailTemplates() {
    }

    /** The latest scheduled check's detail in the page's language; the stored English text when it has no code. */
    static String shownDetail(CurrentCheck check, @TemplateAttribute("locale") Object locale) {
        return DetailTexts.shown(check.detailCode(), locale(locale), check.detail());
    }

    /** The latest check asked for from the endpoint page, its detail in the page's language. */
    static String shownDetail(TrialCheck.View check, @TemplateAttribute("locale") Object locale) {
        return DetailTexts.shown(check.detailCode(), locale(locale), check.detail());
    }

    private static Locale locale(Object attribute) {
        if (attribute instanceof Locale l) return l;
        return attribute == null ? Locale.ENGLISH : Locale.forLanguageTag(attribute.toString());
    }
}
