package org.proxyfund.donation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the donation pages; Russian in messages/don_ru.properties. */
@MessageBundle(value = "don", locale = "en")
public interface DonationMessages {

    @Message("Donate")
    String nav_donate();

    @Message("Transparency")
    String nav_transparency();

    @Message("Donate bitcoin")
    String donate_title();

    @Message("Every donation gets a fresh address that was never used before. Amount and message are optional; we store no IP address or other personal data.")
    String donate_lead();

    @Message("Amount in BTC (optional)")
    String amount_label();

    @Message("Public message (optional, up to 200 characters)")
    String message_label();

    @Message("Get an address")
    String get_address();

    @Message("Please enter a positive amount in BTC with at most 8 decimals, or leave it empty.")
    String error_amount();

    @Message("The message is too long (200 characters at most) or contains control characters.")
    String error_message();

    @Message("The wallet is not available right now. Please try again in a few minutes.")
    String error_unavailable();

    @Message("Your donation")
    String status_title();

    @Message("Keep this page's address to check on your donation later.")
    String status_keep();

    @Message("Status")
    String status_label();

    @Message("{#when status}{#is 'WAITING'}Waiting for payment{#is 'SEEN'}Payment seen, waiting for confirmation{#is 'CONFIRMED'}Confirmed. Thank you!{#is 'EXPIRED'}Expired (a late payment still counts){/when}")
    String status_name(String status);

    @Message("Send bitcoin to")
    String send_to();

    @Message("Open in your wallet")
    String open_wallet();

    @Message("QR code of the payment link")
    String qr_alt();

    @Message("Requested")
    String requested();

    @Message("Received")
    String received();

    @Message("Confirmed")
    String confirmed();

    @Message("Confirmations needed")
    String confirmations_needed();

    @Message("{#when balance}{#is 'OVER'}Overpaid by {diff} BTC: thank you!{#is 'UNDER'}Underpaid by {diff} BTC: you can send the rest to the same address.{#is 'EXACT'}Paid in full.{#else}{/when}")
    String balance_note(String balance, String diff);

    @Message("Your public message")
    String your_message();

    @Message("Refresh")
    String refresh();
}
