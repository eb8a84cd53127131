package org.proxyfund.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.security.SecureRandom;

/** bcrypt password hashes ($2b$, BouncyCastle), with a fixed dummy check so unknown handles cost the same time. */
@ApplicationScoped
public class PasswordHasher {

    private final SecureRandom random = new SecureRandom();
    private volatile String dummyHash;

    @Inject
    OperatorConfig config;

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, config.bcryptCost());
    }

    public boolean matches(String password, String hash) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the same time as a real check, for logins with an unknown handle. */
    public void burnEqualTime(String password) {
        String d = dummyHash;
        if (d == null) {
            d = hash("not-a-real-password-" + random.nextLong());
            dummyHash = d;
        }
        matches(password, d);
    }
}
