package io.billflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.TestData;
import io.billflow.TestHttp;

/**
 * Builds the parties and invoices tests need through the real REST API (as the demo users), so a
 * test starts from the same state a user would reach.
 */
public final class InvoiceFixtures {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    public static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final TestHttp http;

    public InvoiceFixtures(TestHttp http) {
        this.http = http;
    }

    /** A buyer company with a fresh business number; returns its id. */
    public long buyerCompany() {
        String corpNum = TestData.newBusinessNumber();
        HttpResponse<String> created = http.postJson("/api/buyer-companies", """
                {"corpNum":"%s","corpName":"(주)빌플로우미디어","ceoName":"정운영","addr":"서울특별시 중구 세종대로 110",
                 "bizType":"서비스","bizClass":"온라인광고플랫폼","contactName":"박정산","contactEmail":"billing@billflow-media.kr",
                 "contactTel":"02-555-0100"}""".formatted(corpNum), "admin", "admin");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id(created);
    }

    /** A partner linked to NTS (so invoices may be requested); returns its id. */
    public long linkedPartner(String corpName) {
        HttpResponse<String> created = http.postJson("/api/partners",
                TestData.partnerJson(TestData.newBusinessNumber(), corpName), "operator", "operator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = id(created);
        HttpResponse<String> linked = http.postJson("/api/partners/" + id + "/nts-link", "", "operator", "operator");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        return id;
    }

    /** A linked partner with the business number {@code corpNum} and a registered TEST certificate. */
    public long supplierWithCertificate(String corpNum, String corpName) {
        long partnerId = id(http.postJson("/api/partners", TestData.partnerJson(corpNum, corpName), "operator", "operator"));
        http.postJson("/api/partners/" + partnerId + "/nts-link", "", "operator", "operator");
        HttpResponse<String> registered = http.multipart("/api/partners/" + partnerId + "/certificates",
                java.util.Map.of("pfx", new TestHttp.FilePart("cert.pfx", io.billflow.certificate.testpki.TestPki.endEntity()
                        .businessNumber(corpNum).build().pkcs12(io.billflow.certificate.testpki.TestPki.Pkcs12Encryption.PBES2_SEED,
                                io.billflow.certificate.testpki.TestPki.password()))),
                java.util.Map.of("password", new String(io.billflow.certificate.testpki.TestPki.password())), "operator", "operator");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return partnerId;
    }

    /** A valid 과세 invoice body with two lines dated today (Seoul) and the given management key. */
    public static String invoiceJson(long buyerCompanyId, long partnerId, String mgtKey) {
        String today = YMD.format(LocalDate.now(ZoneId.of("Asia/Seoul")));
        return """
                {"buyerCompanyId":%d,"partnerId":%d,"invoiceeMgtKey":"%s","writeDate":"%s",
                 "taxType":"과세","purposeType":"청구","chargeDirection":"정과금",
                 "supplyCostTotal":1500000,"taxTotal":150000,"totalAmount":1650000,
                 "remark1":"2026년 10월 광고 정산","kwon":1,"ho":12,
                 "detailList":[
                   {"serialNum":1,"purchaseDT":"%s","itemName":"디스플레이 광고","spec":"CPM","qty":1000,"unitCost":1000,
                    "supplyCost":1000000,"tax":100000,"remark":"10월분"},
                   {"serialNum":2,"purchaseDT":"%s","itemName":"검색 광고","qty":1,"unitCost":500000,
                    "supplyCost":500000,"tax":50000}
                 ]}""".formatted(buyerCompanyId, partnerId, mgtKey, today, today, today);
    }

    /** A draft (state 100) for a fresh buyer and partner; returns the invoice id. */
    public long draft(String mgtKey) {
        HttpResponse<String> created = http.postJson("/api/invoices",
                invoiceJson(buyerCompany(), linkedPartner("(주)한빛광고"), mgtKey), "operator", "operator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id(created);
    }

    public static long id(HttpResponse<String> response) {
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
