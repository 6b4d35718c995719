package io.billflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.notification.api.MailPort;
import io.billflow.notification.api.OutgoingMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A mail sent through the mail port reaches GreenMail over SMTP and is readable on /dev/mailbox. */
@BillflowSpringTest
class MailboxTest {

    @LocalServerPort
    int port;

    @Autowired
    MailPort mailPort;

    @Autowired
    GreenMail greenMail;

    @Test
    void aMailSentThroughThePortArrivesAndShowsWithClickableLinks() throws Exception {
        String link = "http://localhost:" + port + "/portal/requests/abc-123?token=t0k";
        mailPort.send(OutgoingMail.of("supplier@mailbox-test.kr", "[billflow] 세금계산서 발행 요청 INV-MAIL-1",
                "(주)한빛상사에서 세금계산서 발행을 요청했습니다.\n확인하기: " + link,
                "<p>(주)한빛상사에서 세금계산서 발행을 요청했습니다.</p><p><a href=\"" + link.replace("&", "&amp;")
                        + "\">확인하기</a></p>"));

        
        MimeMessage received = greenMail.getReceivedMessagesForDomain("mailbox-test.kr")[0];
        assertThat(received.getSubject()).isEqualTo("[billflow] 세금계산서 발행 요청 INV-MAIL-1");
        assertThat(GreenMailUtil.getBody(received)).contains("text/html");

        TestHttp browser = new TestHttp(port);
        assertThat(browser.get("/dev/mailbox").statusCode()).as("staff only").isEqualTo(302);
        browser.login("admin", "admin");

        HttpResponse<String> list = browser.get("/dev/mailbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("세금계산서 발행 요청 INV-MAIL-1").contains("supplier@mailbox-test.kr");

        MimeMessage[] all = greenMail.getReceivedMessages();
        int index = java.util.Arrays.asList(all).indexOf(received);
        HttpResponse<String> detail = browser.get("/dev/mailbox/" + index);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body())
                .contains("href=\"" + link + "\"")
                .contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
                .contains("확인하기");
    }

    @Test
    void anUnknownMailIs404() {
        TestHttp browser = new TestHttp(port);
        browser.login("admin", "admin");
        assertThat(browser.get("/dev/mailbox/9999").statusCode()).isEqualTo(404);
    }
}
