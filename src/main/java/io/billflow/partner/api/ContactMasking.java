package io.billflow.partner.api;

/**
 * How a partner's contact e-mail is shown to staff where they need to tell which contact, not to read the address
 * book (the invitation's answer, the audit of a contact change): {@code tax@hanbit.co.kr} → {@code ta***@hanbit.co.kr}.
 */
public final class ContactMasking {

    private ContactMasking() {
    }

    /** The first two characters and the domain; {@code -} for none. */
    public static String email(String email) {
        if (email == null) {
            return "-";
        }
        int at = email.indexOf('@');
        return at <= 2 ? "***" + email.substring(Math.max(at, 0)) : email.substring(0, 2) + "***" + email.substring(at);
    }
}
