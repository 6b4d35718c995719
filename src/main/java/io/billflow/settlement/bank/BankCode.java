package io.billflow.settlement.bank;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The banks a payout can go to, by their KFTC 3-digit institution code (금융결제원 표준 은행코드), the code
 * every Korean transfer API (오픈뱅킹, 펌뱅킹, PG 지급대행) carries. Deliberately a closed list: a code we do
 * not know is a typo or a bank we have never tested, and is refused before any money moves.
 */
public enum BankCode {

    KDB("002", "KDB산업은행"),
    IBK("003", "IBK기업은행"),
    KB("004", "KB국민은행"),
    SUHYUP("007", "수협은행"),
    NH("011", "NH농협은행"),
    NH_LOCAL("012", "지역농축협"),
    WOORI("020", "우리은행"),
    SC("023", "SC제일은행"),
    CITI("027", "한국씨티은행"),
    IM("031", "iM뱅크(대구은행)"),
    BUSAN("032", "부산은행"),
    GWANGJU("034", "광주은행"),
    JEJU("035", "제주은행"),
    JEONBUK("037", "전북은행"),
    KYONGNAM("039", "경남은행"),
    MG("045", "새마을금고"),
    CU("048", "신협"),
    SAVINGS_BANK("050", "저축은행"),
    POST_OFFICE("071", "우체국"),
    HANA("081", "하나은행"),
    SHINHAN("088", "신한은행"),
    KBANK("089", "케이뱅크"),
    KAKAOBANK("090", "카카오뱅크"),
    TOSSBANK("092", "토스뱅크");

    private static final Map<String, BankCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BankCode::code, Function.identity()));

    private final String code;
    private final String koreanName;

    BankCode(String code, String koreanName) {
        this.code = code;
        this.koreanName = koreanName;
    }

    /** The 3-digit KFTC code, e.g. {@code "004"}. */
    public String code() {
        return code;
    }

    public String koreanName() {
        return koreanName;
    }

    /**
     * The bank for a KFTC code (surrounding spaces ignored).
     *
     * @throws UnknownBankCodeException when the code is blank, not three digits or not on the list
     */
    public static BankCode of(String code) {
        BankCode bank = code == null ? null : BY_CODE.get(code.strip());
        if (bank == null) {
            throw new UnknownBankCodeException(code);
        }
        return bank;
    }
}
