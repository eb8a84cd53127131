package org.proxyfund.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret of an operator's private feed URL: 256 random bits, shown to the operator once; only its SHA-256 is
 * stored, so the table alone opens no feed. Rotating gives a new secret and the old URL answers 404 at once.
 */
@ApplicationScoped
public class FeedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    FeedRepository repo;

    /** A new secret for the operator's feed (replacing any old one); to be shown once. */
    public String rotate(long accountId) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String secret = HexFormat.of().formatHex(b);
        repo.put(accountId, sha256(secret));
        return secret;
    }

    public void revoke(long accountId) {
        repo.delete(accountId);
    }

    public boolean enabled(long accountId) {
        return repo.exists(accountId);
    }

    /** The operator whose feed this secret opens. */
    public Optional<Long> account(String secret) {
        if (secret == null || !secret.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return repo.accountOf(sha256(secret));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
