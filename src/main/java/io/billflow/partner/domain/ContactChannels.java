package io.billflow.partner.domain;

import java.util.List;
import java.util.Objects;

/**
 * Where a partner's portal links and one-time codes go: its e-mail, its extra e-mails and its mobile. Whoever
 * controls these can open the partner's portal, so a staff change of them is held (see {@code ContactChangeHold}).
 */
public record ContactChannels(String email, String mobile, List<String> extraEmails) {

    public ContactChannels {
        extraEmails = extraEmails == null ? List.of() : List.copyOf(extraEmails);
    }

    public static ContactChannels of(Contact contact, List<String> extraEmails) {
        return new ContactChannels(contact.email(), contact.mobile(), extraEmails);
    }

    /** Whether anybody can be told of a change: there is an address or a mobile in place. */
    public boolean reachable() {
        return !blank(email) || !blank(mobile) || !extraEmails.isEmpty();
    }

    /** The same channels, written another way (case of an address, hyphens of a mobile) count as the same. */
    public boolean sameAs(ContactChannels other) {
        return Objects.equals(normalEmail(email), normalEmail(other.email))
                && Objects.equals(digits(mobile), digits(other.mobile))
                && extraEmails.stream().map(ContactChannels::normalEmail).toList()
                        .equals(other.extraEmails.stream().map(ContactChannels::normalEmail).toList());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String normalEmail(String value) {
        return blank(value) ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String digits(String value) {
        return blank(value) ? null : value.replaceAll("[^0-9]", "");
    }
}
