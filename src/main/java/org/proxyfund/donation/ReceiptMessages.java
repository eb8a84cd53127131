package org.proxyfund.donation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the donor's receipt; Russian in messages/receipt_ru.properties. */
@MessageBundle(value = "receipt", locale = "en")
public interface ReceiptMessages {

    @Message("Donation receipt")
    String title();

    @Message("Keep this receipt: print it or save it as PDF with your browser, or download it as text. It names no donor and was issued from the chain as it stands now.")
    String lead();

    @Message("Donation")
    String donation();

    @Message("Network")
    String network();

    @Message("Paid to address")
    String address();

    @Message("Confirmed total")
    String total();

    @Message("Issued")
    String issued();

    @Message("Amount")
    String amount();

    @Message("Transaction")
    String transaction();

    @Message("Date")
    String date();

    @Message("Confirmations")
    String confirmations();

    @Message("Block")
    String block();

    @Message("{#when status}{#is 'CONFIRMED'}confirmed{#is 'SEEN'}seen, waiting for confirmations{#is 'GONE'}left the chain (not counted){#else}{status}{/when}")
    String status(String status);

    @Message("No payment has reached this address yet.")
    String none();

    @Message("Download as text")
    String download();

    @Message("Receipt")
    String link();

    @Message("Back to the donation")
    String back();
}
