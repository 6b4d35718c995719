package io.billflow.settlement.bank;

import java.util.regex.Pattern;

/** Korean bank account numbers as transfer APIs take them: digits only (KFTC {@code acnt_num}, at most 16). */
public final class AccountNumber {

    private static final Pattern DIGITS = Pattern.compile("\\d{8,16}");

    private AccountNumber() {
    }

    /**
     * Digits only: people type "3333-01-1234567" or "333301 1234567"; hyphens and spaces are dropped.
     *
     * @throws InvalidBankRequestException unless 8–16 digits remain
     */
    public static String normalise(String accountNumber) {
        String digits = accountNumber == null ? "" : accountNumber.replaceAll("[\\s-]", "");
        if (!DIGITS.matcher(digits).matches()) {
            throw new InvalidBankRequestException("accountNumber", "8–16 digits expected (hyphens allowed)");
        }
        return digits;
    }
}
