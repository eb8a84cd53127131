package org.proxyfund.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.util.Optional;

/** The feed package's own SQL over {@code operator_feed}. */
@ApplicationScoped
class FeedRepository {

    @Inject
    Sql sql;

    Optional<Long> accountOf(String secretSha256) {
        return sql.one("SELECT account_id FROM operator_feed WHERE secret_sha256 = ?", rs -> rs.getLong(1), secretSha256);
    }

    boolean exists(long accountId) {
        return sql.one("SELECT 1 FROM operator_feed WHERE account_id = ?", rs -> 1, accountId).isPresent();
    }

    /** Sets the account's secret: a new feed, or a rotation that replaces the old secret. */
    void put(long accountId, String secretSha256) {
        sql.update("INSERT INTO operator_feed (account_id, secret_sha256) VALUES (?, ?) ON CONFLICT (account_id)"
                + " DO UPDATE SET secret_sha256 = EXCLUDED.secret_sha256, rotated_at = now()", accountId, secretSha256);
    }

    void delete(long accountId) {
        sql.update("DELETE FROM operator_feed WHERE account_id = ?", accountId);
    }
}
