package org.proxyfund.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.crypto.Tokens;
import org.proxyfund.common.db.Sql;
import org.proxyfund.web.Bundles;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An operator's alert address and its verification: setting an address mails a one-use link (a random token, only
 * its hash stored, expiring) to it; until the link is opened, nothing but that link is mailed there.
 */
@ApplicationScoped
public class AlertAddresses {

    /** One address: a local part, an @ and a dotted domain, no spaces, quotes, angle brackets or line breaks. */
    private static final Pattern ADDRESS = Pattern.compile("^[^\\s@<>\"(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    /** Verification mails one account may have sent per day (each goes to an address nobody has confirmed yet). */
    static final int VERIFY_PER_DAY = 5;

    /** What setting an address came to. */
    public enum SetResult { LINK_SENT, INVALID, TOO_MANY, MAIL_OFF }

    @Inject
    MailRepository repository;
    @Inject
    MailSender sender;
    @Inject
    MailConfig config;
    @Inject
    Sql sql;

    public Optional<MailRepository.Address> of(long accountId) {
        return repository.address(accountId);
    }

    public long validityHours() {
        return config.verifyValidity().toHours();
    }

    public boolean mailEnabled() {
        return sender.enabled();
    }

    static boolean valid(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    /** Sets the address (unverified) and queues the verification link to it, in the operator's language. */
    @Transactional
    public SetResult set(long accountId, String handle, String address, Locale locale) {
        if (!sender.enabled()) {
            return SetResult.MAIL_OFF;
        }
        String a = address == null ? "" : address.strip();
        if (!valid(a)) {
            return SetResult.INVALID;
        }
        long today = sql.one("SELECT count(*) FROM mail_outbox WHERE account_id = ? AND kind = 'VERIFY'"
                + " AND created_at > now() - interval '1 day'", rs -> rs.getLong(1), accountId).orElse(0L);
        if (today >= VERIFY_PER_DAY) {
            return SetResult.TOO_MANY;
        }
        String token = Tokens.random();
        String language = "ru".equals(locale.getLanguage()) ? "ru" : "en";
        repository.putAddress(accountId, a, language, Tokens.hash(token), Instant.now().plus(config.verifyValidity()));
        AlertMessages m = Bundles.of(AlertMessages.class, Locale.forLanguageTag(language));
        String link = config.siteUrl().replaceAll("/+$", "") + "/account/alerts/verify?token=" + token;
        String body = m.verify_asked(handle) + "\n\n" + m.verify_open(config.verifyValidity().toHours()) + "\n" + link
                + "\n\n" + m.verify_ignore() + "\n";
        repository.enqueue(accountId, a, "VERIFY", m.verify_subject(), body);
        return SetResult.LINK_SENT;
    }

    /** Opens a verification link: the verified address, or empty when the token is unknown, used or expired. */
    @Transactional
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return repository.verify(Tokens.hash(token)).flatMap(repository::address).map(MailRepository.Address::address);
    }

    @Transactional
    public void remove(long accountId) {
        repository.deleteAddress(accountId);
    }

    /** Queues a mail to the operator's address if it is verified; false when there is none to send to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mailIfVerified(long accountId, String kind, String subject, String body) {
        Optional<MailRepository.Address> a = repository.address(accountId).filter(MailRepository.Address::verified);
        if (a.isEmpty() || !sender.enabled()) {
            return false;
        }
        repository.enqueue(accountId, a.get().address(), kind, subject, body);
        return true;
    }
}
