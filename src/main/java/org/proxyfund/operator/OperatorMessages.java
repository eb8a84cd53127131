package org.proxyfund.operator;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the operator and admin pages; Russian in messages/op_ru.properties. */
@MessageBundle(value = "op", locale = "en")
public interface OperatorMessages {

    @Message("Sign in")
    String nav_signin();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Admin")
    String nav_admin();

    @Message("Sign up as an operator")
    String signup_title();

    @Message("Only a handle and a password. No real name; e-mail is optional and never shown.")
    String signup_lead();

    @Message("Handle")
    String field_handle();

    @Message("3 to 32 characters: Latin letters, digits, dot, dash, underscore.")
    String handle_hint();

    @Message("E-mail (optional)")
    String field_email();

    @Message("Only for account recovery; leave empty if you prefer.")
    String email_hint();

    @Message("Password")
    String field_password();

    @Message("At least 10 characters (at most 72 bytes).")
    String password_hint();

    @Message("Repeat the password")
    String field_repeat();

    @Message("Create account")
    String signup_button();

    @Message("Already registered?")
    String have_account();

    @Message("Sign in")
    String login_link();

    @Message("Sign in")
    String login_title();

    @Message("Sign in")
    String login_button();

    @Message("No account yet?")
    String no_account();

    @Message("Sign up")
    String signup_link();

    @Message("Sign out")
    String logout_button();

    @Message("Too many attempts")
    String too_many_title();

    @Message("Form expired")
    String csrf_title();

    @Message("This form was not accepted: it is older than your current sign-in or was sent from another site. Open the page again and resend it.")
    String csrf_text();

    @Message("The handle must be 3 to 32 characters: Latin letters, digits, dot, dash or underscore.")
    String problem_handle_format();

    @Message("This handle is taken. Choose another.")
    String problem_handle_taken();

    @Message("The password must be at least 10 characters and at most 72 bytes.")
    String problem_password_length();

    @Message("The two passwords differ.")
    String problem_password_mismatch();

    @Message("This does not look like an e-mail address. Leave it empty if you prefer.")
    String problem_email_format();

    @Message("Wrong handle or password.")
    String problem_bad_credentials();

    @Message("The current password is wrong.")
    String problem_wrong_current_password();

    @Message("Too many attempts from your network. Wait a few minutes and try again.")
    String problem_rate_limited();

    @Message("Too many failed sign-ins for this handle. Try again in {minutes} min, or sign in from a device or network you have signed in from before.")
    String problem_account_throttled(long minutes);

    @Message("Too many wrong current passwords. Try again in {minutes} min.")
    String problem_password_guesses(long minutes);

    @Message("Your account")
    String account_title();

    @Message("State")
    String field_state();

    @Message("Change password")
    String password_heading();

    @Message("Current password")
    String field_current_password();

    @Message("New password")
    String field_new_password();

    @Message("Change password")
    String password_button();

    @Message("Password changed. Your other sessions were signed out.")
    String password_changed();

    @Message("API tokens")
    String tokens_heading();

    @Message("For scripts: send a token as \"Authorization: Bearer …\" to /api/v1. It is shown once; only its hash is kept.")
    String tokens_lead();

    @Message("New token (copy it now, it will not be shown again):")
    String token_created();

    @Message("Name")
    String token_name();

    @Message("Created")
    String token_created_at();

    @Message("Last used")
    String token_last_used();

    @Message("Revoke")
    String token_revoke();

    @Message("No tokens.")
    String tokens_none();

    @Message("Create token")
    String token_create();

    @Message("Give the token a name of 1 to 100 characters.")
    String token_name_invalid();

    @Message("No such token.")
    String token_not_found();

    @Message("Dashboard")
    String dashboard_title();

    @Message("An admin will review your account. You can register endpoints and a payout address meanwhile; payouts start after approval.")
    String state_pending_hint();

    @Message("Your account is suspended: no payouts accrue. Contact the admins.")
    String state_suspended_hint();

    @Message("Uptime")
    String uptime_heading();

    @Message("Earnings")
    String earnings_heading();

    @Message("Admin console")
    String admin_title();

    @Message("Operators waiting for approval")
    String admin_pending_heading();

    @Message("Nobody is waiting.")
    String admin_none_pending();

    @Message("Flags")
    String admin_flags_heading();

    @Message("No flags.")
    String admin_no_flags();

    @Message("Operators")
    String admin_operators_heading();

    @Message("Signed up")
    String admin_signed_up();

    @Message("Action")
    String admin_action();

    @Message("Reason")
    String admin_reason();

    @Message("Approve")
    String admin_approve();

    @Message("Suspend")
    String admin_suspend();

    @Message("Audit log")
    String audit_title();

    @Message("When")
    String audit_when();

    @Message("Who")
    String audit_who();

    @Message("What")
    String audit_subject();

    @Message("Change")
    String audit_action();

    @Message("Why")
    String audit_why();

    @Message("Done.")
    String transition_done();

    @Message("No such operator.")
    String transition_not_found();

    @Message("This change of state is not allowed.")
    String transition_not_allowed();

    @Message("Give a reason for the suspension.")
    String transition_reason_required();

    @Message("{#when s}{#is 'PENDING'}waiting for approval{#is 'APPROVED'}approved{#is 'SUSPENDED'}suspended{#is 'RETIRED'}retired{#else}{s}{/when}")
    String state(String s);

    @Message("{#when kind}{#is 'MANY_SIGNUPS'}Many sign-ups from one client address{#is 'SAME_SUBNET'}Endpoints in one /24 or /48 across operators{#is 'SHARED_PAYOUT'}One payout address for several operators{#else}{kind}{/when}")
    String flag(String kind);

    @Message("Your endpoints")
    String endpoints_heading();

    @Message("Name")
    String endpoint_name();

    @Message("Type")
    String endpoint_type();

    @Message("Address")
    String endpoint_address();

    @Message("Region served")
    String endpoint_region();

    @Message("No endpoints yet.")
    String endpoints_none();

    @Message("Add an endpoint")
    String endpoint_add();

    @Message("Host (DNS name or IP)")
    String endpoint_host();

    @Message("Port")
    String endpoint_port();

    @Message("Protocol settings (only those of the chosen type)")
    String endpoint_protocol_fields();

    @Message("Add endpoint")
    String endpoint_add_button();

    @Message("Monitor credential")
    String credential_heading();

    @Message("Configure this on your proxy: the health checks use it, and a proxy that accepts it proves it is yours. Keep it private.")
    String credential_hint();

    @Message("Move after a block")
    String rotate_heading();

    @Message("A new host or port keeps this endpoint and its history; a fresh credential is issued.")
    String rotate_hint();

    @Message("Move endpoint")
    String rotate_button();

    @Message("Address history")
    String versions_heading();

    @Message("From")
    String versions_from();

    @Message("Until")
    String versions_to();

    @Message("Payout address")
    String payout_heading();

    @Message("Bitcoin address")
    String payout_address();

    @Message("ownership proven")
    String payout_state_proven();

    @Message("not proven yet")
    String payout_state_unproven();

    @Message("Sign this exact text with the key of the address (wallet: Sign message) and paste the signature below.")
    String payout_sign_hint();

    @Message("How to sign it")
    String payout_sign_help_title();

    @Message("Sign the text exactly as shown: one line, nothing added before or after it, no line break at the end.")
    String payout_sign_help_exact();

    @Message("Electrum (addresses 1…, 3… and bc1q…): Addresses tab, right-click the address, Sign/verify message; paste the text, press Sign and copy the signature.")
    String payout_sign_help_electrum();

    @Message("Sparrow (all address types): Tools, Sign/Verify Message; choose the address, paste the text, sign in the Electrum format (1…, 3…, bc1q…) or as BIP-322 (bc1q…, and bc1p… Taproot, which only BIP-322 can prove).")
    String payout_sign_help_sparrow();

    @Message("Bitcoin Core: bitcoin-cli signmessage \"ADDRESS\" \"TEXT\" signs for legacy addresses (1…) only; for other types use one of the wallets here.")
    String payout_sign_help_core();

    @Message("Other BIP-322 signers (hardware wallets and tools that offer \"BIP-322\" or \"simple\" signatures) work for bc1q… and bc1p… addresses: paste their base64 signature.")
    String payout_sign_help_bip322();

    @Message("Signature (base64)")
    String payout_signature();

    @Message("Check signature")
    String payout_prove_button();

    @Message("No payout address yet.")
    String payout_none();

    @Message("New address (needs a new proof)")
    String payout_change();

    @Message("Save address")
    String payout_set_button();

    @Message("Address saved. Now sign the challenge to prove it is yours.")
    String payout_sign_now();

    @Message("The signature proves the address is yours.")
    String payout_proven();

    @Message("Endpoints waiting for approval")
    String admin_endpoints_heading();

    @Message("No endpoints are waiting.")
    String admin_none_pending_endpoints();

    @Message("Not for this account")
    String forbidden_title();

    @Message("Your account may not open this page. Admin pages are only for admins; operator pages only for operators.")
    String forbidden_text();

    @Message("Account suspended")
    String suspended_title();

    @Message("Your account is suspended, so it can change nothing: you can still read your dashboard, endpoints, uptime and earnings, and sign out. Ask the admins to lift the suspension.")
    String suspended_text();
}
