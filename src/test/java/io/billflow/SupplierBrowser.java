package io.billflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A supplier clicking through the portal as the README describes: the issue-request mail on
 * /dev/mailbox, its link, the business number, a TEST certificate from /dev/test-certificates, then
 * approve or reject. Used by the walkthrough and by the end-to-end tests.
 */
public final class SupplierBrowser {

    static final Pattern MAIL_ROW = Pattern.compile("<a href=\"/dev/mailbox/(\\d+)\">\\[billflow\\][^<]*발급 요청");
    static final Pattern PORTAL_LINK = Pattern.compile("href=\"https?://[^\"]*(/portal/access/[A-Za-z0-9_-]+)\"");

    private final TestHttp browser;
    /** The password of the certificate this supplier registered: typed again at every signature (ADR 0001). */
    private String certificatePassword = "";

    private SupplierBrowser(TestHttp browser) {
        this.browser = browser;
    }

    /**
     * Finds the issue-request mail for this management key on the mailbox page (as a signed-in staff
     * member), follows its link and proves the business number. {@code deliver} runs before each look,
     * for tests whose mail worker does not run by itself.
     */
    public static SupplierBrowser fromIssueRequestMail(int port, String mgtKey, String corpNum, Runnable deliver) {
        TestHttp staff = new TestHttp(port);
        staff.login("admin", "admin"); // the dev mailbox is the admin's only
        String[] link = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deliver.run();
            Matcher row = MAIL_ROW.matcher(staff.get("/dev/mailbox").body());
            while (row.find()) {
                String mail = staff.get("/dev/mailbox/" + row.group(1)).body();
                Matcher found = PORTAL_LINK.matcher(mail);
                if (mail.contains(mgtKey) && found.find()) {
                    link[0] = found.group(1);
                    return true;
                }
            }
            return false;
        });
        TestHttp supplier = new TestHttp(port);
        String access = supplier.get(link[0]).body();
        supplier.postForm(link[0], "corpNum=" + corpNum + "&_csrf=" + TestHttp.csrfOf(access));
        assertThat(supplier.get("/portal/invoices").body()).contains(mgtKey);
        return new SupplierBrowser(supplier);
    }

    /** A portal session the supplier opened some other way (e.g. from a settlement notice). */
    public static SupplierBrowser signedIn(TestHttp portalSession) {
        return new SupplierBrowser(portalSession);
    }

    /** Registers a TEST certificate made for this partner (staff download it, the supplier uploads it). */
    public SupplierBrowser registersTestCertificate(TestHttp staff, long partnerId) {
        HttpResponse<byte[]> pfx = staff.postBytes("/dev/test-certificates/" + partnerId, "admin", "admin");
        assertThat(pfx.statusCode()).isEqualTo(200);
        String password = pfx.headers().firstValue("X-Test-Certificate-Password").orElseThrow();
        certificatePassword = password;
        String home = browser.get("/portal").body();
        browser.multipart("/portal/certificate", Map.of("pfx", new TestHttp.FilePart("test.pfx", pfx.body())),
                Map.of("password", password, "_csrf", TestHttp.csrfOf(home)), null, null);
        assertThat(browser.get("/portal").body()).contains("공동인증서가 등록되었습니다");
        return this;
    }

    /** Presses 승인 on the invoice page; returns the page shown afterwards. */
    public String approves(long invoiceId) {
        return act(invoiceId, "approve", "");
    }

    /** Presses 거부 with a reason. */
    public String rejects(long invoiceId, String reason) {
        return act(invoiceId, "reject", "&reason=" + java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Presses 발급 취소 (within the cancel window). */
    public String cancelsIssue(long invoiceId) {
        return act(invoiceId, "cancel-issue", "&memo=" + java.net.URLEncoder.encode("잘못 승인", java.nio.charset.StandardCharsets.UTF_8));
    }

    private String act(long invoiceId, String action, String fields) {
        String detail = browser.get("/portal/invoices/" + invoiceId).body();
        browser.postForm("/portal/invoices/" + invoiceId + "/" + action, "_csrf=" + TestHttp.csrfOf(detail) + fields
                + "&certificatePassword=" + java.net.URLEncoder.encode(certificatePassword,
                java.nio.charset.StandardCharsets.UTF_8));
        return browser.get("/portal/invoices/" + invoiceId).body();
    }
}
