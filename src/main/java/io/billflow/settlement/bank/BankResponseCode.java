package io.billflow.settlement.bank;

/**
 * What the bank answered, in the {@code bank_rsp_code} families Korean transfer APIs use (Payple
 * 정산지급대행, KFTC 오픈뱅킹; docs/reference/settlement.md §2). Every code except {@link #OK} is a permanent answer
 * for this account and request: retrying the same transfer will not help, a person has to fix the account.
 * Transient trouble (maintenance, 5xx, timeouts) is never a code: it is a {@link BankUnavailableException}.
 */
public enum BankResponseCode {

    OK("000", "정상처리"),
    NO_SUCH_ACCOUNT("412", "계좌번호 오류: 존재하지 않는 계좌입니다"),
    CLOSED_ACCOUNT("415", "해지된 계좌입니다"),
    MISCELLANEOUS_ACCOUNT("416", "잡좌: 입금할 수 없는 계좌입니다"),
    ACCIDENT_REPORTED("419", "사고신고 계좌입니다"),
    TRANSACTIONS_SUSPENDED("420", "거래중지 계좌입니다"),
    OTHER("499", "기타 은행 거절"),
    HOLDER_NAME_MISMATCH("815", "예금주명 불일치"),
    /**
     * Not a bank code: the idempotency key was already used for a different transfer (HTTP 422 in spirit).
     * A caller bug; nothing moved now, and the key's first transfer stands (ask {@link BankPort#status}).
     */
    IDEMPOTENCY_MISMATCH("IDEMPOTENCY_MISMATCH", "같은 멱등키로 다른 이체가 요청되었습니다"),
    /** Not a bank code: {@link BankPort#status} for a key the bank never received. */
    NO_SUCH_TRANSFER("NO_SUCH_TRANSFER", "해당 멱등키의 이체가 없습니다");

    private final String code;
    private final String koreanMessage;

    BankResponseCode(String code, String koreanMessage) {
        this.code = code;
        this.koreanMessage = koreanMessage;
    }

    /** The code as the bank sends it, e.g. {@code "815"}. */
    public String code() {
        return code;
    }

    public String koreanMessage() {
        return koreanMessage;
    }
}
