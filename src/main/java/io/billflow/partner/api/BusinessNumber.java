package io.billflow.partner.api;

import java.util.regex.Pattern;

/**
 * 사업자등록번호: ten digits whose last is a check digit. Weights 1,3,7,1,3,7,1,3 on digits 1–8;
 * digit 9 times 5 adds both digits of the product; check = (10 − sum mod 10) mod 10.
 * Accepts {@code 123-45-67890} or {@code 1234567890}; always stored and shown without hyphens.
 */
public record BusinessNumber(String value) {

    private static final Pattern INPUT = Pattern.compile("\\d{3}-?\\d{2}-?\\d{5}");
    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3};

    public BusinessNumber {
        if (!isValid(value) || value.length() != 10) {
            throw new IllegalArgumentException("not a valid business registration number: " + value);
        }
    }

    /** Parses with or without hyphens; throws {@link IllegalArgumentException} with the reason. */
    public static BusinessNumber parse(String input) {
        if (input == null || !INPUT.matcher(input.trim()).matches()) {
            throw new IllegalArgumentException("must be 10 digits (000-00-00000)");
        }
        String digits = input.trim().replace("-", "");
        if (!hasValidCheckDigit(digits)) {
            throw new IllegalArgumentException("check digit does not match (사업자등록번호 검증 실패)");
        }
        if (!hasPossibleParts(digits)) {
            throw new IllegalArgumentException("is not an issued number: office code, type code and serial cannot be zero");
        }
        return new BusinessNumber(digits);
    }

    public static boolean isValid(String input) {
        if (input == null || !INPUT.matcher(input.trim()).matches()) {
            return false;
        }
        String digits = input.trim().replace("-", "");
        return hasValidCheckDigit(digits) && hasPossibleParts(digits);
    }

    /**
     * The number is 세무서 code (3) · 개인/법인 구분 (2) · serial (4) · check digit. None of the three
     * parts is ever all zeros, yet {@code 000-00-00000} passes the check digit (every weighted sum is 0).
     */
    static boolean hasPossibleParts(String digits) {
        return !digits.startsWith("000") && !digits.startsWith("00", 3) && !digits.startsWith("0000", 5);
    }

    static boolean hasValidCheckDigit(String digits) {
        return checkDigit(digits.substring(0, 9)) == digits.charAt(9) - '0';
    }

    /** The check digit for the first nine digits. */
    public static int checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (firstNine.charAt(i) - '0') * WEIGHTS[i];
        }
        int ninth = (firstNine.charAt(8) - '0') * 5;
        sum += ninth / 10 + ninth % 10;
        return (10 - sum % 10) % 10;
    }

    /** {@code 124-81-00998}, as printed on invoices. */
    public String formatted() {
        return value.substring(0, 3) + "-" + value.substring(3, 5) + "-" + value.substring(5);
    }

    @Override
    public String toString() {
        return value;
    }
}
