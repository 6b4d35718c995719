package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.Inbox;
import io.billflow.TestHttp;
import io.billflow.notification.TextedCodes;
import io.billflow.notification.text.TextMessagingSimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/** A business partner's visit to the settlement portal as the tests click it: the notice's link, the SMS code. */
final class SettlementPortalVisit {

    static final Pattern PORTAL_LINK = Pattern.compile("(/portal/access/[A-Za-z0-9_-]+)");

    private SettlementPortalVisit() {
    }

    /**
     * The portal link in a notice's e-mail as delivered (every e-mail of the notice carries the same one); the outbox
     * itself keeps only a placeholder.
     */
    static String linkInNotice(Inbox inbox, String dedupPrefix) {
        return inbox.portalLink(dedupPrefix);
    }

    /** Follows the link in the publication notice and types the business number, as the contact would. */
    static TestHttp signsInFromTheNotice(int port, Inbox inbox, long reportId, String corpNum) {
        String link = linkInNotice(inbox, "settlement-published:" + reportId);
        TestHttp browser = new TestHttp(port);
        String access = browser.get(link).body();
        HttpResponse<String> proved = browser.postForm(link, "corpNum=" + corpNum + "&_csrf="
                + TestHttp.csrfOf(access));
        assertThat(proved.statusCode()).isEqualTo(302);
        assertThat(proved.headers().firstValue("Location").orElseThrow()).endsWith("/portal/settlements");
        return browser;
    }

    /** The newest confirmation code of the report, as the group's verification mobile received it. */
    static String latestConfirmationCode(JdbcTemplate jdbc, TextMessagingSimulator phone, long reportId) {
        return TextedCodes.latestCode(jdbc, phone, "settlement-confirmation-code:" + reportId + ":");
    }
}
