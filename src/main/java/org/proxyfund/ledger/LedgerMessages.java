package org.proxyfund.ledger;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the admin ledger journal; Russian in messages/ledger_ru.properties. */
@MessageBundle(value = "ledger", locale = "en")
public interface LedgerMessages {

    @Message("Ledger journal")
    String title();

    @Message("{total} entries, newest first. Each entry's lines sum to zero (debits positive, credits negative); mistakes and reorgs are undone by reversing entries, never by editing.")
    String lead(long total);

    @Message("Ledger check at {at}: {#if ok}the books sum to zero and agree with the wallet and the public figures{#else}MISMATCH — see the log and /admin/ledger{/if}")
    String check(String at, boolean ok);

    @Message("Entry")
    String entry();

    @Message("Posted")
    String posted();

    @Message("Kind")
    String kind();

    @Message("Reference")
    String reference();

    @Message("Lines")
    String lines();

    @Message("reverses #{id}")
    String reverses(Long id);

    @Message("reversed by #{id}")
    String reversed_by(Long id);

    @Message("Older entries")
    String older();

    @Message("Newest entries")
    String newest();

    @Message("Download as CSV")
    String csv();

    @Message("No entries.")
    String none();

    @Message("CSV for accounting")
    String exports();

    @Message("donations")
    String export_donations();

    @Message("payouts")
    String export_payouts();

    @Message("ledger")
    String export_ledger();

    /** An entry's kind for people; the stored code stays in the row's class and in the CSV. */
    @Message("{#when k}{#is 'DONATION_CONFIRMED'}donation confirmed{#is 'SETTLEMENT'}epoch settled"
            + "{#is 'PAYOUT_CONFIRMED'}payout confirmed{#is 'SWEEP_CONFIRMED'}sweep to cold storage confirmed"
            + "{#is 'REFILL_CONFIRMED'}refill from cold storage confirmed"
            + "{#is 'REVERSAL'}reversal{#else}{k}{/when}")
    String kind_label(String k);

    /** A ledger account's name for people; the stored code stays in the line's data-account and in the CSV. */
    @Message("{#when a}{#is 'wallet'}wallet{#is 'donations'}donations received{#is 'miner_fees'}miner fees"
            + "{#is 'reserve'}reserve{#is 'cold_storage'}cold storage{#else}{a}{/when}")
    String account_label(String a);

    @Message("owed to operator #{id}")
    String owed_to(String id);
}
