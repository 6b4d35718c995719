package io.billflow.notification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry over REST and the seeded templates, then a real send through the wired sender and simulator. */
@BillflowSpringTest
class AlimTalkTemplateApiTest {

    static final String BASE = "/api/notification-templates/alimtalk";

    @LocalServerPort
    int port;

    @Autowired
    TextMessageSender sender;

    @Autowired
    TextMessagingSimulator provider;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void seededTemplatesAreListed() {
        HttpResponse<String> list = http.getBasic(BASE, "operator", "operator");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"code\":\"BF_INVOICE_ISSUE_REQUESTED\"", "\"code\":\"BF_INVOICE_ISSUED\"",
                "\"code\":\"BF_INVOICE_REMINDER\"", "#{공급자상호}", "\"state\":\"SAVED\"", "\"state\":\"APPROVED\"");
    }

    @Test
    void createRequestReviewAndOnlyAnAdminApproves() {
        String code = "T_" + System.nanoTime();
        HttpResponse<String> created = http.postJson(BASE, """
                {"code":"%s","event":"INVOICE_REJECTED","title":"반려 안내",
                 "content":"#{공급자상호} 담당자님, 세금계산서 발행 요청이 반려되었습니다.",
                 "buttons":[{"name":"확인","type":"WL","mobileUrl":"https://billflow.io","pcUrl":null}]}"""
                .formatted(code), "operator", "operator");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"state\":\"SAVED\"", "\"name\":\"확인\"");

        assertThat(http.postJson(BASE, """
                {"code":"%s","event":"INVOICE_REJECTED","title":"t","content":"c"}""".formatted(code),
                "operator", "operator").statusCode()).as("code taken").isEqualTo(409);
        assertThat(http.postJson(BASE + "/" + code + "/approval", "", "admin", "admin").statusCode())
                .as("SAVED cannot be approved").isEqualTo(409);
        assertThat(http.postJson(BASE + "/" + code + "/review-request", "", "operator", "operator").body())
                .contains("\"state\":\"REQUESTED\"");
        assertThat(http.postJson(BASE + "/" + code + "/approval", "", "operator", "operator").statusCode())
                .isEqualTo(403);
        HttpResponse<String> approved = http.postJson(BASE + "/" + code + "/approval", "", "admin", "admin");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("\"state\":\"APPROVED\"", "\"updatedBy\":\"admin\"");
    }

    @Test
    void rejectionNeedsAReasonAndKeepsIt() {
        String code = "R_" + System.nanoTime();
        http.postJson(BASE, """
                {"code":"%s","event":"INVOICE_REMINDER","title":"t","content":"이벤트 참여하세요"}""".formatted(code),
                "operator", "operator");
        http.postJson(BASE + "/" + code + "/review-request", "", "operator", "operator");
        assertThat(http.postJson(BASE + "/" + code + "/rejection", "{\"reason\":\" \"}", "admin", "admin").statusCode())
                .isEqualTo(400);
        HttpResponse<String> rejected = http.postJson(BASE + "/" + code + "/rejection",
                "{\"reason\":\"광고성 내용은 알림톡으로 보낼 수 없습니다\"}", "admin", "admin");
        assertThat(rejected.body()).contains("\"state\":\"REJECTED\"", "광고성 내용은 알림톡으로 보낼 수 없습니다");
        assertThat(http.postJson(BASE + "/" + code + "/approval", "", "admin", "admin").statusCode()).isEqualTo(409);
    }

    @Test
    void previewRendersAndNamesMissingVariables() {
        HttpResponse<String> preview = http.postJson(BASE + "/BF_INVOICE_ISSUED/preview", """
                {"공급자상호":"(주)한빛상사","승인번호":"20260302-10000000-12345678","작성일자":"2026-03-02","합계금액":"1,100,000"}""",
                "operator", "operator");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("(주)한빛상사 담당자님").doesNotContain("#{");
        HttpResponse<String> missing = http.postJson(BASE + "/BF_INVOICE_ISSUED/preview", "{}", "operator", "operator");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("승인번호");
    }

    @Test
    void seededTemplateIsSentAndShownOnTheDevEndpoint() {
        String mobile = "010-7777-" + (1000 + System.nanoTime() % 8000);
        TextSendReport report = sender.send(TextRequest.alimTalk("02-1234-5678", mobile, "BF_INVOICE_ISSUED",
                Map.of("공급자상호", "(주)한빛상사", "승인번호", "20260302-1", "작성일자", "2026-03-02", "합계금액", "1,100,000"),
                "api-test-" + mobile));
        // like Kakao: accepted now, the delivery report a moment later (the test profile's simulator: 0.1 s)
        assertThat(report.finalResult().status()).isEqualTo(TextSendStatus.ACCEPTED);
        String id = report.finalResult().providerMessageId();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                provider.deliveryReport(id).orElseThrow().status() == TextSendStatus.DELIVERED);
        HttpResponse<String> dev = http.getBasic("/api/dev/text-messages", "admin", "admin");
        assertThat(dev.statusCode()).isEqualTo(200);
        assertThat(dev.body()).contains(mobile, "\"channel\":\"ALIMTALK\"", "BF_INVOICE_ISSUED",
                "\"outcome\":{\"status\":\"DELIVERED\"");
    }
}
