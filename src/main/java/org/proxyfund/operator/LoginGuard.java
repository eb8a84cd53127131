package org.proxyfund.operator;

import org.proxyfund.common.crypto.Tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-account limits on password guessing, shared by all replicas through PostgreSQL. Sign-ins of one handle from
 * strangers share one throttle, however many addresses they come from; a device or client address that signed in to
 * the account before has a throttle of its own, so strangers cannot lock the owner out. The change-password form
 * has one per account, against whoever holds a stolen session. Schedules: {@link GuessPolicy}.
 */
@ApplicationScoped
public class LoginGuard {

    /** A reserved password check: run it when {@link #open()}, else tell the client to wait {@code waitSeconds}. */
    public record Gate(String key, long waitSeconds) {
        public boolean open() {
            return waitSeconds == 0;
        }

        /** The wait in whole minutes, at least one, for messages. */
        public long waitMinutes() {
            return Math.max(1, (waitSeconds + 59) / 60);
        }
    }

    @Inject
    LoginThrottle throttle;

    @Inject
    KnownClients known;

    @Inject
    ClientKeys clientKeys;

    /** Reserves a sign-in check of {@code handle} from this client (device cookie may be null). */
    public Gate beginLogin(String handle, String deviceToken, String clientAddress) {
        String typed = handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT);
        String key = "login:" + clientKeys.ofText("handle:" + typed);
        Optional<Account> account = AccountSyntax.checkHandle(typed).isPresent() ? Optional.empty() : Account.byHandle(typed);
        if (account.isPresent()) {
            long id = account.get().id;
            String device = deviceHash(deviceToken);
            String address = clientKeys.of(clientAddress);
            if (device != null && known.knows(id, KnownClients.Kind.DEVICE, device)) {
                key += ":d:" + device;
            } else if (known.knows(id, KnownClients.Kind.ADDRESS, address)) {
                key += ":a:" + address;
            }
        }
        return new Gate(key, throttle.reserve(key));
    }

    /** The sign-in passed: its throttle starts again, and this device and address are now known to the account. */
    public void loginSucceeded(Gate gate, long accountId, String deviceToken, String clientAddress) {
        throttle.clear(gate.key());
        remember(accountId, deviceToken, clientAddress);
    }

    /** A new account knows the device and address it was made from. */
    public void remember(long accountId, String deviceToken, String clientAddress) {
        known.remember(accountId, KnownClients.Kind.ADDRESS, clientKeys.of(clientAddress));
        String device = deviceHash(deviceToken);
        if (device != null) {
            known.remember(accountId, KnownClients.Kind.DEVICE, device);
        }
    }

    /** Reserves a check of the current password on the change-password form. */
    public Gate beginPasswordCheck(long accountId) {
        String key = "password:" + accountId;
        return new Gate(key, throttle.reserve(key));
    }

    /** The current password was right. */
    public void passwordCheckPassed(Gate gate) {
        throttle.clear(gate.key());
    }

    private static String deviceHash(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Tokens.hash(token));
    }
}
