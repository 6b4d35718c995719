package io.billflow.settlement.application;

import java.util.Optional;

/**
 * Which KFTC bank codes (금융결제원 3-digit 표준코드) billflow pays into, and their names. The shipped
 * {@link MinimalBankNames} lists the common ones; a fuller bank-code registry replaces it by implementing
 * this interface (and deleting that class).
 */
public interface BankNames {

    /** The bank's name for a 3-digit code billflow accepts, or empty for an unknown code. */
    Optional<String> nameOf(String bankCode);
}
