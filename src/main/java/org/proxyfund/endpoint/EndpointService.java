package org.proxyfund.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.common.db.KeyLocks;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.operator.Account;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.AuditService;
import org.proxyfund.operator.TransitionResult;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers, rotates and approves endpoints. Validation and the SSRF guard (DNS) run before any
 * transaction opens; the database part is one short transaction.
 */
@ApplicationScoped
public class EndpointService {

    /** The endpoint registered or changed, or the field errors to show. */
    public record Result(Endpoint endpoint, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    @Inject
    EndpointValidator validator;

    @Inject
    HostGuard hostGuard;

    @Inject
    CredentialIssuer issuer;

    @Inject
    SecretCipher cipher;

    @Inject
    EndpointConfig config;

    @Inject
    AuditService audit;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    public Result register(long accountId, EndpointDraft input, String label, Actor actor) {
        List<FieldError> errors = new ArrayList<>(validator.validateAndGuard(input));
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        if (cleanLabel != null && (cleanLabel.length() > 100 || cleanLabel.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("label", "endpoint.label.invalid", "The name may have at most 100 characters and no control characters."));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        EndpointDraft draft = validator.normalize(input);
        String subnet = Subnets.of(hostGuard.check(draft.host()).addresses());
        MonitorCredential credential = issuer.issue(draft.type(), draft);
        return claimingAddress(draft, () -> {
            // Lock the account row so two parallel registrations cannot both slip under the limit.
            em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            if (Endpoint.liveCount(accountId) >= config.maxPerOperator()) {
                return new Result(null, List.of(new FieldError("type", "endpoint.limit",
                        "You have reached the limit of " + config.maxPerOperator() + " endpoints per operator.")));
            }
            lockAddress(draft);
            if (Endpoint.hostPortTaken(draft.host(), draft.port(), null)) {
                return new Result(null, List.of(duplicate(draft)));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Endpoint e = new Endpoint();
            e.accountId = accountId;
            e.type = draft.type();
            e.label = cleanLabel;
            e.host = draft.host();
            e.port = draft.port();
            e.region = draft.region().strip();
            e.protocolFields = toJson(draft.protocolFields());
            e.credentialEnc = "v1:pending";
            e.state = EndpointState.PENDING;
            e.addressVersion = 1;
            e.subnet = subnet;
            e.createdAt = now;
            e.updatedAt = now;
            e.persistAndFlush();
            // The id is part of the encryption context, so a ciphertext cannot be moved to another row.
            e.credentialEnc = cipher.encrypt(credential.encode(), context(e.id));
            addVersion(e, now);
            audit.record(actor.id(), actor.handle(), "ENDPOINT", e.id, "REGISTERED", e.type.label() + " " + e.address());
            return new Result(e, List.of());
        });
    }

    /**
     * Moves an endpoint to a new host and/or port after a block, keeping its identity and history,
     * and issues a fresh credential (a blocked address usually means the old secret was seen too).
     */
    public Result rotate(long accountId, long endpointId, String host, Integer port, Actor actor) {
        Optional<Endpoint> current = QuarkusTransaction.requiringNew().call(() -> Endpoint.owned(endpointId, accountId));
        if (current.isEmpty()) {
            return new Result(null, List.of(new FieldError("id", "endpoint.not-found", "No such endpoint.")));
        }
        Endpoint old = current.get();
        if (!old.state.live()) {
            return new Result(null, List.of(retired()));
        }
        EndpointDraft input = new EndpointDraft(old.type, host, port, old.region, protocolFields(old));
        List<FieldError> errors = validator.validateAndGuard(input);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        EndpointDraft draft = validator.normalize(input);
        String subnet = Subnets.of(hostGuard.check(draft.host()).addresses());
        MonitorCredential credential = issuer.issue(draft.type(), draft);
        return claimingAddress(draft, () -> {
            Endpoint e = em.find(Endpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE);
            if (e == null || e.accountId != accountId) {
                return new Result(null, List.of(new FieldError("id", "endpoint.not-found", "No such endpoint.")));
            }
            if (!e.state.live()) {
                return new Result(null, List.of(retired()));
            }
            lockAddress(draft);
            if (Endpoint.hostPortTaken(draft.host(), draft.port(), e.id)) {
                return new Result(null, List.of(duplicate(draft)));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            EndpointAddressVersion.update("validTo = ?1 where endpointId = ?2 and validTo is null", now, e.id);
            String from = e.host + ":" + e.port;
            e.host = draft.host();
            e.port = draft.port();
            e.subnet = subnet;
            e.addressVersion++;
            e.updatedAt = now;
            e.credentialEnc = cipher.encrypt(credential.encode(), context(e.id));
            em.flush();
            addVersion(e, now);
            audit.record(actor.id(), actor.handle(), "ENDPOINT", e.id, "ROTATED", from + " -> " + e.host + ":" + e.port);
            return new Result(e, List.of());
        });
    }

    /** What the operator configures on the proxy: only for the owner (empty for anyone else). */
    public Optional<Map<String, String>> credentialFor(long accountId, long endpointId) {
        return QuarkusTransaction.requiringNew().call(() -> Endpoint.owned(endpointId, accountId)
                .map(e -> MonitorCredential.decode(cipher.decrypt(e.credentialEnc, context(e.id))).operatorView()));
    }

    /** The full issued credential of the owner's endpoint (with what the monitor keeps to itself), for a check the owner asks for. */
    public Optional<MonitorCredential> monitorCredential(long accountId, long endpointId) {
        return QuarkusTransaction.requiringNew().call(() -> Endpoint.owned(endpointId, accountId)
                .map(e -> MonitorCredential.decode(cipher.decrypt(e.credentialEnc, context(e.id)))));
    }

    /**
     * The only place admins change an endpoint's state: transition table, reason to suspend, audit line. Retiring is
     * the owner's decision ({@link #retire}), never an admin's: they suspend instead.
     */
    public TransitionResult transitionTo(long endpointId, EndpointState next, Actor actor, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Endpoint e = em.find(Endpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                return TransitionResult.NOT_FOUND;
            }
            if (next == EndpointState.RETIRED) {
                return TransitionResult.NOT_ALLOWED;
            }
            String why = reason == null ? "" : reason.strip();
            if (next == EndpointState.SUSPENDED && why.isEmpty()) {
                return TransitionResult.REASON_REQUIRED;
            }
            if (!e.state.canMoveTo(next)) {
                return TransitionResult.NOT_ALLOWED;
            }
            audit.record(actor.id(), actor.handle(), "ENDPOINT", e.id, e.state + "->" + next, why.isEmpty() ? null : why);
            e.state = next;
            e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return TransitionResult.DONE;
        });
    }

    public Map<String, String> protocolFields(Endpoint e) {
        try {
            return json.readValue(e.protocolFields, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("endpoint " + e.id + " has unreadable protocol fields", ex);
        }
    }

    private void addVersion(Endpoint e, OffsetDateTime now) {
        EndpointAddressVersion v = new EndpointAddressVersion();
        v.endpointId = e.id;
        v.version = e.addressVersion;
        v.host = e.host;
        v.port = e.port;
        v.validFrom = now;
        v.persist();
    }

    private String toJson(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Runs a transaction that may take host:port. Claimants of one address queue on {@link #lockAddress}, so the later
     * one sees the earlier one's row and answers "duplicate"; the unique index stays the last word, mapped the same way.
     */
    private Result claimingAddress(EndpointDraft draft, java.util.concurrent.Callable<Result> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (RuntimeException e) {
            if (KeyLocks.violatedUniqueConstraint(e).filter(c -> c.endsWith("endpoint_host_port_uq")).isPresent()) {
                return new Result(null, List.of(duplicate(draft)));
            }
            throw e;
        }
    }

    /** Serialises every transaction claiming this host:port (case-insensitive, as the unique index). */
    private void lockAddress(EndpointDraft d) {
        KeyLocks.lock(em, "endpoint-address:" + d.host().toLowerCase(java.util.Locale.ROOT) + ":" + d.port());
    }

    private static FieldError retired() {
        return new FieldError("id", "endpoint.retired", "This endpoint is retired: register a new one instead.");
    }

        private static FieldError duplicate(EndpointDraft d) {
        return new FieldError("host", "endpoint.duplicate", "The endpoint " + d.host() + ":" + d.port() + " is already registered.");
    }

    /** Associated data binding an endpoint's encrypted credential to its row (the monitor decrypts with it too). */
    public static String context(long endpointId) {
        return "endpoint:" + endpointId + ":credential";
    }
}
