package io.billflow.settlement.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bank account number as Korean banks print it: digits, optionally grouped by single hyphens, 10 to 16
 * digits in all. {@link #toString()} is masked, so an account number logged by accident stays unusable.
 */
public final class AccountNumber {

    public static final int MIN_DIGITS = 10;
    public static final int MAX_DIGITS = 16;
    private static final Pattern FORMAT = Pattern.compile("\\d+(-\\d+)*");

    private final String value;

    private AccountNumber(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException with {@link #problemWith}'s reason */
    public static AccountNumber of(String raw) {
        String problem = problemWith(raw);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new AccountNumber(raw.strip());
    }

    /** Why {@code raw} is not an account number, or null when it is one. */
    public static String problemWith(String raw) {
        if (raw == null || raw.isBlank()) {
            return "is required";
        }
        String value = raw.strip();
        if (!FORMAT.matcher(value).matches()) {
            return "must be digits, optionally grouped by single hyphens (110-123-456789)";
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            return "must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits";
        }
        return null;
    }

    /** As entered (with the bank's hyphens). */
    public String value() {
        return value;
    }

    /** Digits only, as transfer APIs take it. */
    public String digits() {
        return value.replace("-", "");
    }

    public String masked() {
        return Masking.accountNumber(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountNumber that && digits().equals(that.digits());
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits());
    }

    /** Masked on purpose: the whole number only leaves through {@link #value()} / {@link #digits()}. */
    @Override
    public String toString() {
        return masked();
    }
}
