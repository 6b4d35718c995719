package io.billflow.notification.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.billflow.notification.api.NotificationEvent;

/**
 * Realistic variables for each event. They are also the contract: every name in an event's sample is
 * a variable its templates need (see {@link NotificationTemplates#requiredVariables}), with the type
 * shown here (amounts {@code long} won, dates {@link LocalDate}, moments {@link Instant}, settlement
 * months {@link YearMonth}).
 */
final class SampleVariables {

    private static final String BUYER = "(주)빌플로우커머스";
    private static final String SUPPLIER = "(주)한빛상사";
    private static final String PORTAL = "https://billflow.example.com/portal/access/Zk3q9VwT2mXb";
    private static final String STAFF = "https://billflow.example.com/invoices/1042";
    private static final String MGT_KEY = "INV-2026-10_0042";
    private static final String APPROVAL = "202611024100000012345678";
    private static final LocalDate WRITE_DATE = LocalDate.of(2026, 10, 31);
    private static final LocalDate ISSUE_DEADLINE = LocalDate.of(2026, 11, 10);
    private static final long SUPPLY = 1_200_000L;
    private static final long TAX = 120_000L;
    private static final long TOTAL = 1_320_000L;
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final String GROUP = "웹툰 콘텐츠 제휴";

    private SampleVariables() {
    }

    static Map<String, Object> of(NotificationEvent event) {
        Vars v = new Vars();
        switch (event) {
            case PARTNER_NTS_LINKED -> v.put("corpName", SUPPLIER).put("corpNum", "2208162517")
                    .put("linkedAt", seoul(2026, 10, 2, 10, 5)).put("link", "https://billflow.example.com/");
            case PARTNER_CONTACT_CHANGE_PENDING -> v.put("corpName", SUPPLIER).put("newEmail", "ne***@example.com")
                    .put("newMobile", "***-****-9876").put("requestedAt", seoul(2026, 11, 2, 14, 30))
                    .put("effectiveAt", seoul(2026, 11, 5, 14, 30)).put("supportContact", "02-1234-5678");
            case PORTAL_INVITATION -> v.put("corpName", SUPPLIER).put("link", PORTAL)
                    .put("expiresOn", LocalDate.of(2026, 11, 16));
            case INVOICE_ISSUE_REQUESTED -> invoice(v).put("supplyAmount", SUPPLY).put("taxAmount", TAX)
                    .put("totalAmount", TOTAL).put("deadline", ISSUE_DEADLINE).put("link", PORTAL);
            case INVOICE_REMINDER -> invoice(v).put("totalAmount", TOTAL).put("deadline", ISSUE_DEADLINE)
                    .put("link", PORTAL);
            case INVOICE_DEADLINE_WARNING -> invoice(v).put("supplyAmount", SUPPLY).put("totalAmount", TOTAL)
                    .put("deadline", ISSUE_DEADLINE).put("daysLeft", 2).put("link", PORTAL);
            case INVOICE_REJECTED -> invoice(v).put("totalAmount", TOTAL).put("reason", "공급가액이 계약 금액과 다릅니다.")
                    .put("rejectedAt", seoul(2026, 11, 3, 15, 20)).put("link", STAFF);
            case INVOICE_REQUEST_CANCELLED -> invoice(v).put("totalAmount", TOTAL)
                    .put("memo", "품목 수정 후 다시 요청드리겠습니다.").put("cancelledAt", seoul(2026, 11, 3, 9, 40));
            case INVOICE_ISSUED -> invoice(v).put("approvalNumber", APPROVAL).put("supplyAmount", SUPPLY)
                    .put("taxAmount", TAX).put("totalAmount", TOTAL).put("issuedAt", seoul(2026, 11, 2, 10, 15))
                    .put("link", PORTAL);
            case INVOICE_ISSUE_CANCELLED -> invoice(v).put("approvalNumber", APPROVAL).put("totalAmount", TOTAL)
                    .put("memo", "거래처 요청으로 발급을 취소합니다.").put("cancelledAt", seoul(2026, 11, 2, 17, 30));
            case INVOICE_TRANSMITTED -> invoice(v).put("approvalNumber", APPROVAL).put("totalAmount", TOTAL)
                    .put("transmittedAt", seoul(2026, 11, 3, 3, 0));
            case INVOICE_TRANSMISSION_FAILED -> invoice(v).put("approvalNumber", APPROVAL).put("errorCode", "ERR002")
                    .put("errorMessage", "공급받는자의 사업자등록번호가 국세청에 등록되어 있지 않습니다.")
                    .put("failedAt", seoul(2026, 11, 3, 3, 2)).put("link", STAFF);
            case CERTIFICATE_EXPIRING -> v.put("corpName", SUPPLIER).put("daysLeft", 30)
                    .put("expiresOn", LocalDate.of(2026, 12, 1)).put("serialNumber", "2F3A4B5C")
                    .put("link", PORTAL);
            case SETTLEMENT_REPORT_PUBLISHED -> settlement(v).put("supplyAmount", SUPPLY).put("taxAmount", TAX)
                    .put("totalAmount", TOTAL).put("individual", false).put("link", PORTAL);
            case SETTLEMENT_REVERSE_ISSUANCE_REQUESTED -> settlement(v).put("totalAmount", TOTAL)
                    .put("requestedBy", "김하늘").put("requestedAt", seoul(2026, 11, 4, 11, 0)).put("link", PORTAL);
            case PAYOUT_ACCOUNT_CHANGED -> v.put("partnerName", SUPPLIER).put("groupName", GROUP)
                    .put("bankName", "국민은행").put("maskedAccount", "123-****-5678").put("changedBy", "김하늘")
                    .put("changedAt", seoul(2026, 11, 5, 16, 42)).put("supportContact", "02-1234-5678")
                    .put("link", PORTAL);
            case PAYOUT_SCHEDULED -> payout(v).put("payoutDate", LocalDate.of(2026, 11, 25));
            case PAYOUT_COMPLETED -> payout(v).put("paidAt", seoul(2026, 11, 25, 10, 30));
            case PAYOUT_FAILED -> payout(v).put("reason", "예금주가 일치하지 않습니다.").put("supportContact", "02-1234-5678")
                    .put("link", PORTAL);
            case SETTLEMENT_DEADLINE_APPROACHING -> settlement(v).put("totalAmount", TOTAL)
                    .put("deadline", LocalDate.of(2026, 11, 7)).put("daysLeft", 3).put("link", PORTAL);
            case VERIFICATION_CODE -> v.put("code", "482913").put("purpose", "지급계좌 변경").put("groupName", GROUP)
                    .put("validMinutes", 5);
            default -> throw new IllegalStateException("no sample for " + event);
        }
        return Collections.unmodifiableMap(v.map);
    }

    private static Vars invoice(Vars v) {
        return v.put("supplierName", SUPPLIER).put("buyerName", BUYER).put("invoiceeMgtKey", MGT_KEY)
                .put("writeDate", WRITE_DATE);
    }

    private static Vars settlement(Vars v) {
        return v.put("partnerName", SUPPLIER).put("settlementMonth", MONTH).put("groupName", GROUP);
    }

    private static Vars payout(Vars v) {
        return settlement(v).put("amount", TOTAL).put("bankName", "국민은행").put("maskedAccount", "123-****-5678");
    }

    private static Instant seoul(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(KoreanFormats.SEOUL).toInstant();
    }

    /** Keeps insertion order, so the README and tests list variables the way the template reads them. */
    private static final class Vars {
        private final Map<String, Object> map = new LinkedHashMap<>();

        Vars put(String name, Object value) {
            map.put(name, value);
            return this;
        }
    }
}
