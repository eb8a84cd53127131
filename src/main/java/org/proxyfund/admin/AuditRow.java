package org.proxyfund.admin;

import org.proxyfund.common.identity.AuditEntry;
import org.proxyfund.common.identity.AuditService;
import org.proxyfund.operator.OperatorMessages;
import org.proxyfund.operator.Problems;
import org.proxyfund.web.Bundles;

import java.lang.reflect.InvocationTargetException;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * An audit line as the admin page shows it: action and subject in the page's language (the stored codes stay in
 * {@code code}, for the API and for searching); a code without a label is shown as it is.
 */
public record AuditRow(long id, OffsetDateTime at, String actor, String subject, String action, String code, String detail) {

    static AuditRow of(AuditEntry e, Locale locale) {
        AdminMessages m = messages(locale);
        String actor = AuditService.SYSTEM.equals(e.actorHandle) ? m.actor_system() : e.actorHandle;
        return new AuditRow(e.id, e.at, actor, m.subject(e.subjectType) + " #" + e.subjectId, action(e.action, locale),
                e.action, e.detail);
    }

    /** The label of an action code: a state change "A->B" as two state names, else the code's own message. */
    static String action(String code, Locale locale) {
        AdminMessages m = messages(locale);
        int arrow = code.indexOf("->");
        if (arrow > 0) {
            OperatorMessages op = Problems.messages(locale);
            return m.action_transition(op.state(code.substring(0, arrow)), op.state(code.substring(arrow + 2)));
        }
        try {
            return (String) AdminMessages.class.getMethod("action_" + code).invoke(m);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return code;
        }
    }

    /** Whether {@link #action} has a label for this code (tests: every code written has one). */
    static boolean labelled(String code) {
        if (code.contains("->")) {
            return true;
        }
        try {
            AdminMessages.class.getMethod("action_" + code);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static AdminMessages messages(Locale locale) {
        return Bundles.of(AdminMessages.class, locale);
    }
}
