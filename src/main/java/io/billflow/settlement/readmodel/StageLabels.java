package io.billflow.settlement.readmodel;

import java.util.Map;

import io.billflow.settlement.domain.ReportStatus;

/**
 * The Korean names staff see for report stages and payout states. PUBLISHED … PAID carry the partner-facing
 * step numbers of the seed's 정산 진행현황 (01 세금계산서 역발행요청 → 02 서명요청 → 03 지급 처리중 → 04 지급 완료).
 */
public final class StageLabels {

    private static final Map<ReportStatus, String> REPORT = Map.of(
            ReportStatus.DRAFT, "초안",
            ReportStatus.IN_REVIEW, "검토 중",
            ReportStatus.RETURNED, "반려",
            ReportStatus.PUBLISHED, "01 세금계산서 역발행요청",
            ReportStatus.SIGNATURE_REQUESTED, "02 세금계산서 서명요청",
            ReportStatus.PAYOUT_PROCESSING, "03 지급 처리중",
            ReportStatus.PAID, "04 지급 완료",
            ReportStatus.ON_HOLD, "보류",
            ReportStatus.CANCELLED, "취소");

    private static final Map<String, String> PAYOUT = Map.of(
            "SCHEDULED", "지급 예정",
            "APPROVED", "지급 승인",
            "HOLDER_VERIFIED", "예금주 확인",
            "TRANSFERRING", "이체 중",
            "PAID", "지급 완료",
            "FAILED", "지급 실패",
            "ON_HOLD", "보류");

    private StageLabels() {
    }

    public static String of(ReportStatus status) {
        return status == null ? "" : REPORT.getOrDefault(status, status.name());
    }

    /** A status column as stored; an unknown value (added later by the process) is shown as it is. */
    public static String ofReport(String status) {
        if (status == null) {
            return "";
        }
        try {
            return of(ReportStatus.valueOf(status));
        } catch (IllegalArgumentException unknown) {
            return status;
        }
    }

    public static String ofPayout(String status) {
        return status == null ? "" : PAYOUT.getOrDefault(status, status);
    }

    public static String ofPayee(String payeeType) {
        return "INDIVIDUAL".equals(payeeType) ? "개인 (원천징수 대상)" : "사업자";
    }
}
