package org.proxyfund.operator;

import org.proxyfund.common.identity.Role;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.panache.common.Parameters;
import org.proxyfund.common.paging.Keyset;
import org.proxyfund.common.paging.Page;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A person who can sign in: an operator (signed up) or an admin (bootstrapped). */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String handle;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OperatorState state;

    @Column(name = "signup_client_key")
    public String signupClientKey;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "state_changed_at", nullable = false)
    public OffsetDateTime stateChangedAt;

    public static Optional<Account> byHandle(String handle) {
        return find("lower(handle) = lower(?1)", handle).firstResultOptional();
    }



    /** One page of the operators, newest first, all or only those in {@code state}. */
    public static Page<Account> operatorsPage(OperatorState state, Keyset k) {
        Parameters p = Parameters.with("role", Role.OPERATOR);
        String filter = "role = :role";
        if (state != null) {
            filter += " and state = :state";
            p = p.and("state", state);
        }
        return k.page(find(k.query(filter), k.parameters(p)).page(0, k.fetch()).list(), a -> a.id);
    }
}
