package io.billflow.settlement.domain;

/**
 * How payout data is shown everywhere (views, audit, notices): enough to recognise, not enough to use.
 * The seed product (Kakao Harmony 지급계좌 관리) shows "33330112*****" and "주식회사 카…"; billflow hides a
 * little more of the number but keeps its layout, so a partner still recognises its own account.
 */
public final class Masking {

    private static final int SHOWN_LEADING_DIGITS = 3;
    private static final int SHOWN_TRAILING_DIGITS = 3;
    private static final int SHOWN_TRAILING_MOBILE_DIGITS = 4;

    private Masking() {
    }

    /**
     * The first three and the last three digits, every other digit {@code *}, hyphens where they were:
     * {@code 110-123-456789} → {@code 110-***-***789}, {@code 3333011212345} → {@code 333*******345}.
     * An account number has at least 10 digits, so at least four are always hidden.
     */
    public static String accountNumber(String number) {
        return maskDigits(number, SHOWN_LEADING_DIGITS, SHOWN_TRAILING_DIGITS);
    }

    /**
     * The first and the last character, the rest {@code *} (spaces kept): 홍길동 → 홍*동, 남궁민수 → 남**수,
     * 홍길 → 홍*, a single character → {@code *}.
     */
    public static String holderName(String name) {
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        for (int i = 1; i < chars.length; i++) {
            boolean last = i == chars.length - 1;
            if (Character.isWhitespace(chars[i])) {
                masked.appendCodePoint(chars[i]);
            } else if (last && chars.length > 2) {
                masked.appendCodePoint(chars[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }

    /** The carrier prefix and the last four digits: {@code 010-1234-5678} → {@code 010-****-5678}. */
    public static String mobile(String mobile) {
        return maskDigits(mobile, SHOWN_LEADING_DIGITS, SHOWN_TRAILING_MOBILE_DIGITS);
    }

    private static String maskDigits(String value, int leading, int trailing) {
        long digits = value.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(value.length());
        int seen = 0;
        for (char c : value.toCharArray()) {
            if (!Character.isDigit(c)) {
                masked.append(c);
                continue;
            }
            seen++;
            masked.append(seen <= leading || seen > digits - trailing ? c : '*');
        }
        return masked.toString();
    }
}
