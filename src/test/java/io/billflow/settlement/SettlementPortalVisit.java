package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.TestHttp;
import io.billflow.notification.TextedCodes;
import io.billflow.notification.text.TextMessagingSimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/** A business partner's visit to the settlement portal as the tests click it: the notice's link, the SMS code. */
final class SettlementPortalVisit {

    static final Pattern PORTAL_LINK = Pattern.compile("(/portal/access/[A-Za-z0-9_-]+)");

    private SettlementPortalVisit() {
    }

    /** The portal link in a notice's e-mail (every e-mail of the notice carries the same one). */
    static String linkInNotice(JdbcTemplate jdbc, String dedupPrefix) {
        List<String> notices = jdbc.queryForList("select text_body from notification_message where dedup_key like ? "
                + "and channel = 'EMAIL'", String.class, dedupPrefix + "%");
        assertThat(notices).isNotEmpty();
        Matcher link = PORTAL_LINK.matcher(notices.get(0));
        assertThat(link.find()).as(notices.get(0)).isTrue();
        assertThat(notices).allSatisfy(notice -> assertThat(notice).contains(link.group(1)));
        return link.group(1);
    }

    /** Follows the link in the publication notice and types the business number, as the contact would. */
    static TestHttp signsInFromTheNotice(int port, JdbcTemplate jdbc, long reportId, String corpNum) {
        String link = linkInNotice(jdbc, "settlement-published:" + reportId);
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
