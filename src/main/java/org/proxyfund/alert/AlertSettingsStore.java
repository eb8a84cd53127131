package org.proxyfund.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

/** The SQL of alert_settings. */
@ApplicationScoped
class AlertSettingsStore {

    @Inject
    Sql sql;

    AlertSettings of(long accountId) {
        return sql.one("SELECT email, feed, digest FROM alert_settings WHERE account_id = ?",
                rs -> new AlertSettings(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)), accountId)
                .orElse(AlertSettings.DEFAULT);
    }

    void save(long accountId, AlertSettings s) {
        sql.update("""
                INSERT INTO alert_settings (account_id, email, feed, digest) VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET email = EXCLUDED.email, feed = EXCLUDED.feed,
                  digest = EXCLUDED.digest, updated_at = now()""",
                accountId, s.email(), s.feed(), s.digest());
    }
}
