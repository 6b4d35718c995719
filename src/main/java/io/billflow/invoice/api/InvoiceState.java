package io.billflow.invoice.api;

import java.util.Arrays;

/** Popbill-compatible state codes of a reverse-issued tax invoice. */
public enum InvoiceState {
    DRAFT(100, "임시저장"),
    REQUESTED(200, "역발행대기"),
    ISSUED(300, "발행완료"),
    BEFORE_TRANSMISSION(301, "전송전"),
    QUEUED(302, "전송대기"),
    TRANSMITTING(303, "전송중"),
    TRANSMITTED(304, "전송성공"),
    TRANSMISSION_FAILED(305, "전송실패"),
    REFUSED(400, "역발행거부"),
    REQUEST_CANCELLED(500, "역발행취소"),
    ISSUE_CANCELLED(600, "발행취소");

    private final int code;
    private final String koreanName;

    InvoiceState(int code, String koreanName) {
        this.code = code;
        this.koreanName = koreanName;
    }

    public int code() {
        return code;
    }

    public String koreanName() {
        return koreanName;
    }

    public static InvoiceState of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown state code " + code));
    }

    /** Popbill lets these be deleted, which frees the management key for reuse. */
    public boolean isDeletable() {
        return this == DRAFT || this == REFUSED || this == REQUEST_CANCELLED || this == ISSUE_CANCELLED
                || this == TRANSMISSION_FAILED;
    }

    /**
     * Matches a Popbill state filter: three characters, each a digit or {@code *}, e.g. {@code 3**}
     * for every issued state or {@code 30*}.
     */
    public boolean matches(String pattern) {
        String code = String.valueOf(this.code);
        if (pattern == null || pattern.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char p = pattern.charAt(i);
            if (p != '*' && p != code.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
