package org.proxyfund.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The SQL of alert_email and mail_outbox. */
@ApplicationScoped
class MailRepository {

    @Inject
    Sql sql;

    /** An operator's alert address. */
    public record Address(long accountId, String address, String language, Instant verifiedAt) {
        public boolean verified() {
            return verifiedAt != null;
        }
    }

    /** A mail taken by a sender. */
    record Due(long id, String recipient, String subject, String body, int attempts) {
    }

    Optional<Address> address(long accountId) {
        return sql.one("SELECT account_id, address, language, verified_at FROM alert_email WHERE account_id = ?",
                rs -> new Address(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class))),
                accountId);
    }

    /** Sets a new, unverified address with a pending token (replacing any address and token before). */
    void putAddress(long accountId, String address, String language, byte[] tokenSha256, Instant expiresAt) {
        sql.update("""
                INSERT INTO alert_email (account_id, address, language, token_sha256, token_expires_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET address = EXCLUDED.address, language = EXCLUDED.language,
                  verified_at = NULL, token_sha256 = EXCLUDED.token_sha256, token_expires_at = EXCLUDED.token_expires_at,
                  updated_at = now()""", accountId, address, language, tokenSha256, expiresAt);
    }

    /** Uses a token: marks its address verified and forgets the token; the account, if it was a live token. */
    Optional<Long> verify(byte[] tokenSha256) {
        return sql.one("UPDATE alert_email SET verified_at = now(), token_sha256 = NULL, token_expires_at = NULL,"
                + " updated_at = now() WHERE token_sha256 = ? AND token_expires_at > now() RETURNING account_id",
                rs -> rs.getLong(1), (Object) tokenSha256);
    }

    void deleteAddress(long accountId) {
        sql.update("DELETE FROM alert_email WHERE account_id = ?", accountId);
    }

    void enqueue(long accountId, String recipient, String kind, String subject, String body) {
        sql.update("INSERT INTO mail_outbox (account_id, recipient, kind, subject, body) VALUES (?, ?, ?, ?, ?)",
                accountId, recipient, kind, subject, body);
    }

    /** Takes up to {@code limit} due mails for {@code lease} (another sender skips them meanwhile) and counts the attempt. */
    List<Due> claim(int limit, Duration lease) {
        return sql.query("""
                WITH due AS (
                    SELECT id FROM mail_outbox WHERE state = 'PENDING' AND next_attempt_at <= now()
                      AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE mail_outbox m SET attempts = m.attempts + 1, lease_until = now() + make_interval(secs => ?)
                FROM due WHERE m.id = due.id
                RETURNING m.id, m.recipient, m.subject, m.body, m.attempts""",
                rs -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                limit, (double) lease.toMillis() / 1000);
    }

    void sent(long id) {
        sql.update("UPDATE mail_outbox SET state = 'SENT', sent_at = now(), lease_until = NULL, last_error = NULL WHERE id = ?", id);
    }

    void retryAt(long id, Instant at, String error) {
        sql.update("UPDATE mail_outbox SET next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ?", at, error, id);
    }

    void failed(long id, String error) {
        sql.update("UPDATE mail_outbox SET state = 'FAILED', lease_until = NULL, last_error = ? WHERE id = ?", error, id);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
