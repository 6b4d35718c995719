package io.billflow.notification.api;

/**
 * Every message billflow sends, one per business event. {@code mandatory} notices (법정 안내: the issue
 * request and the issued invoice) cannot be switched off by the recipient; none of these is advertising,
 * so none is held back at night. A {@code secret} message carries a one-time code: it goes by SMS to the
 * one mobile it proves possession of, never by e-mail or AlimTalk, and operations never see its text.
 */
public enum NotificationEvent {
    PARTNER_NTS_LINKED(false),
    PORTAL_INVITATION(false),
    /** Staff changed where the partner's links and codes go: told to the contacts in place, before it applies. */
    PARTNER_CONTACT_CHANGE_PENDING(true),
    INVOICE_ISSUE_REQUESTED(true),
    INVOICE_REMINDER(false),
    INVOICE_DEADLINE_WARNING(false),
    INVOICE_REJECTED(false),
    INVOICE_REQUEST_CANCELLED(false),
    INVOICE_ISSUED(true),
    INVOICE_ISSUE_CANCELLED(false),
    INVOICE_TRANSMITTED(false),
    INVOICE_TRANSMISSION_FAILED(false),
    CERTIFICATE_EXPIRING(false),
    SETTLEMENT_REPORT_PUBLISHED(false),
    SETTLEMENT_REVERSE_ISSUANCE_REQUESTED(false),
    PAYOUT_ACCOUNT_CHANGED(false),
    PAYOUT_SCHEDULED(false),
    PAYOUT_COMPLETED(false),
    PAYOUT_FAILED(false),
    SETTLEMENT_DEADLINE_APPROACHING(false),
    /** 인증번호: a one-time code, e.g. to confirm a payout account change (transactional, never an ad). */
    VERIFICATION_CODE(true, true);

    private final boolean mandatory;
    private final boolean secret;

    NotificationEvent(boolean mandatory) {
        this(mandatory, false);
    }

    NotificationEvent(boolean mandatory, boolean secret) {
        this.mandatory = mandatory;
        this.secret = secret;
    }

    /**
     * Carries a one-time secret: SMS only, to the recipient's mobile, whatever the preferences (an e-mail
     * copy would let whoever reads that mailbox confirm for the phone's owner); the text is hidden from the
     * operations API and erased from the outbox once its delivery ended.
     */
    public boolean secret() {
        return secret;
    }

    /** Whether a stored event type names a secret event (an unknown, e.g. retired, type is not secret). */
    public static boolean isSecret(String eventType) {
        try {
            return eventType != null && valueOf(eventType).secret();
        } catch (IllegalArgumentException unknownEvent) {
            return false;
        }
    }

    /** A legal notice: its e-mail cannot be switched off. */
    public boolean mandatory() {
        return mandatory;
    }

    /** The template name: {@code INVOICE_ISSUE_REQUESTED} → {@code invoice-issue-requested}. */
    public String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
