package io.billflow.notification.api;

import java.util.List;

/**
 * Who gets a message. {@code key} identifies the recipient for preferences and listing
 * ({@code partner:12}, {@code user:operator}); e-mail goes to {@code email} plus {@code ccEmails};
 * KakaoTalk/SMS go to {@code mobile} when there is one.
 */
public record Recipient(String key, String name, String email, List<String> ccEmails, String mobile) {

    public Recipient {
        ccEmails = ccEmails == null ? List.of() : List.copyOf(ccEmails);
    }

    public static Recipient partner(long partnerId, String name, String email, List<String> ccEmails, String mobile) {
        return new Recipient("partner:" + partnerId, name, email, ccEmails, mobile);
    }
}
