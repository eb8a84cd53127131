package org.proxyfund.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The webhook tables' SQL; everything an operator reads is filtered by the operator's account. */
@ApplicationScoped
class WebhookRepository {

    private static final String SUBSCRIPTION = "SELECT id, url, array_to_string(event_types, ','), state, failed_in_a_row,"
            + " disabled_reason, created_at FROM webhook_subscription";

    @Inject
    Sql sql;

    /** A delivery taken by a sender: where to, with which secret, what. */
    record Due(long deliveryId, long subscriptionId, String url, String secret, String eventId, String type, String payload,
               int attempts) {
    }

    long insertSubscription(long accountId, String url, String secret, List<String> types) {
        return sql.one("INSERT INTO webhook_subscription (account_id, url, secret, event_types)"
                        + " VALUES (?, ?, ?, string_to_array(?, ',')) RETURNING id", rs -> rs.getLong(1),
                accountId, url, secret, String.join(",", types)).orElseThrow();
    }

    long count(long accountId) {
        return sql.one("SELECT count(*) FROM webhook_subscription WHERE account_id = ?", rs -> rs.getLong(1), accountId)
                .orElse(0L);
    }

    List<WebhookView> list(long accountId) {
        return sql.query(SUBSCRIPTION + " WHERE account_id = ? ORDER BY id", WebhookRepository::view, accountId);
    }

    Optional<WebhookView> find(long accountId, long id) {
        return sql.one(SUBSCRIPTION + " WHERE account_id = ? AND id = ?", WebhookRepository::view, accountId, id);
    }

    Optional<Long> accountOf(long subscriptionId) {
        return sql.one("SELECT account_id FROM webhook_subscription WHERE id = ?", rs -> rs.getLong(1), subscriptionId);
    }

    Optional<String> secret(long id) {
        return sql.one("SELECT secret FROM webhook_subscription WHERE id = ?", rs -> rs.getString(1), id);
    }

    int delete(long accountId, long id) {
        return sql.update("DELETE FROM webhook_subscription WHERE account_id = ? AND id = ?", accountId, id);
    }

    int enable(long accountId, long id) {
        return sql.update("UPDATE webhook_subscription SET state = 'ACTIVE', failed_in_a_row = 0, disabled_reason = NULL,"
                + " updated_at = now() WHERE account_id = ? AND id = ?", accountId, id);
    }

    /** The active subscriptions of an operator that asked for this event type. */
    List<Long> subscribed(long accountId, String type) {
        return sql.query("SELECT id FROM webhook_subscription WHERE account_id = ? AND state = 'ACTIVE'"
                + " AND ? = ANY (event_types) ORDER BY id", rs -> rs.getLong(1), accountId, type);
    }

    void insertEvent(UUID id, long accountId, String type, String payload) {
        sql.update("INSERT INTO webhook_event (id, account_id, type, payload) VALUES (?, ?, ?, ?)", id, accountId, type, payload);
    }

    long insertDelivery(long subscriptionId, UUID eventId) {
        return sql.one("INSERT INTO webhook_delivery (subscription_id, event_id) VALUES (?, ?) RETURNING id",
                rs -> rs.getLong(1), subscriptionId, eventId).orElseThrow();
    }

    /** The event a delivery of this operator carries, for a redelivery. */
    Optional<Due> delivery(long accountId, long deliveryId) {
        return sql.one("""
                SELECT d.id, d.subscription_id, s.url, s.secret, e.id, e.type, e.payload, d.attempts
                FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                JOIN webhook_event e ON e.id = d.event_id WHERE s.account_id = ? AND d.id = ?""",
                WebhookRepository::due, accountId, deliveryId);
    }

    /**
     * Takes up to {@code limit} due deliveries of active subscriptions for {@code lease}: another sender (replica) skips
     * them until the lease ends, so a sender that dies mid-attempt leaves them to the next. Counts the attempt now.
     */
    List<Due> claim(int limit, Duration lease) {
        return sql.query("""
                WITH due AS (
                    SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                    WHERE d.state = 'PENDING' AND d.next_attempt_at <= now() AND s.state = 'ACTIVE'
                      AND (d.lease_until IS NULL OR d.lease_until < now())
                    ORDER BY d.next_attempt_at, d.id LIMIT ? FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_delivery d SET attempts = d.attempts + 1, lease_until = now() + make_interval(secs => ?)
                FROM due, webhook_subscription s, webhook_event e
                WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id
                RETURNING d.id, d.subscription_id, s.url, s.secret, e.id, e.type, e.payload, d.attempts""",
                WebhookRepository::due, limit, (double) lease.toMillis() / 1000);
    }

    void attempt(long deliveryId, Integer status, String error, long durationMs) {
        sql.update("INSERT INTO webhook_attempt (delivery_id, status, error, duration_ms) VALUES (?, ?, ?, ?)",
                deliveryId, status, error, (int) Math.min(Integer.MAX_VALUE, durationMs));
    }

    void delivered(long deliveryId, long subscriptionId) {
        sql.update("UPDATE webhook_delivery SET state = 'DELIVERED', delivered_at = now(), lease_until = NULL WHERE id = ?",
                deliveryId);
        sql.update("UPDATE webhook_subscription SET failed_in_a_row = 0, updated_at = now() WHERE id = ?", subscriptionId);
    }

    void retryAt(long deliveryId, Instant at) {
        sql.update("UPDATE webhook_delivery SET next_attempt_at = ?, lease_until = NULL WHERE id = ?", at, deliveryId);
    }

    /** Gives a delivery up; returns the subscription's deliveries given up in a row. */
    int givenUp(long deliveryId, long subscriptionId) {
        sql.update("UPDATE webhook_delivery SET state = 'FAILED', lease_until = NULL WHERE id = ?", deliveryId);
        return sql.one("UPDATE webhook_subscription SET failed_in_a_row = failed_in_a_row + 1, updated_at = now()"
                + " WHERE id = ? RETURNING failed_in_a_row", rs -> rs.getInt(1), subscriptionId).orElse(0);
    }

    /** Disables a subscription; true when this call did it (it was active). */
    boolean disable(long subscriptionId, String reason) {
        return sql.update("UPDATE webhook_subscription SET state = 'DISABLED', disabled_reason = ?, updated_at = now()"
                + " WHERE id = ? AND state = 'ACTIVE'", reason, subscriptionId) == 1;
    }

    List<DeliveryView> deliveries(long accountId, long subscriptionId, int limit) {
        List<DeliveryView> found = sql.query("""
                SELECT d.id, e.id, e.type, d.state, d.attempts, d.next_attempt_at, d.delivered_at, e.payload
                FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                JOIN webhook_event e ON e.id = d.event_id
                WHERE s.account_id = ? AND s.id = ? ORDER BY d.id DESC LIMIT ?""",
                rs -> new DeliveryView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        instant(rs, 6), instant(rs, 7), rs.getString(8), List.of()), accountId, subscriptionId, limit);
        if (found.isEmpty()) return found;
        List<Long> ids = found.stream().map(DeliveryView::id).toList();
        record Row(long deliveryId, DeliveryView.Attempt attempt) {
        }
        List<Row> attempts = sql.query("SELECT delivery_id, attempted_at, status, error, duration_ms FROM webhook_attempt"
                        + " WHERE delivery_id = ANY (?) ORDER BY id",
                rs -> new Row(rs.getLong(1), new DeliveryView.Attempt(instant(rs, 2), (Integer) rs.getObject(3),
                        rs.getString(4), rs.getInt(5))), ids);
        return found.stream().map(d -> new DeliveryView(d.id(), d.eventId(), d.type(), d.state(), d.attempts(),
                d.nextAttemptAt(), d.deliveredAt(), d.payload(),
                attempts.stream().filter(r -> r.deliveryId() == d.id()).map(Row::attempt).toList())).toList();
    }

    private static WebhookView view(ResultSet rs) throws SQLException {
        return new WebhookView(rs.getLong(1), rs.getString(2), Arrays.asList(rs.getString(3).split(",")), rs.getString(4),
                rs.getInt(5), rs.getString(6), instant(rs, 7));
    }

    private static Due due(ResultSet rs) throws SQLException {
        return new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
