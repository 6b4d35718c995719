package io.billflow.settlement.bank;

import java.util.regex.Pattern;

/**
 * One 입금이체 to a partner's account. Validated on construction, so a port never sees a malformed request.
 *
 * @param idempotencyKey     one key per payout attempt, stored before the call (docs/reference/settlement.md §2):
 *                           1–64 of {@code [A-Za-z0-9._:-]}; the bank executes a key at most once
 * @param bank               the receiving bank
 * @param accountNumber      digits only (hyphens and spaces are dropped)
 * @param expectedHolderName the holder we verified at registration; the bank refuses a different one (815)
 * @param amount             won, 1 to 999,999,999,999 (KFTC {@code tran_amt} is N12)
 * @param memo               what the partner's passbook shows (통장 표시, {@code print_content}): 1–7 characters,
 *                           the length banks print for Hangul
 */
public record TransferRequest(String idempotencyKey, BankCode bank, String accountNumber, String expectedHolderName,
                              long amount, String memo) {

    public static final int MAX_KEY_LENGTH = 64;
    public static final int MAX_MEMO_LENGTH = 7;
    public static final int MAX_HOLDER_NAME_LENGTH = 50;
    public static final long MAX_AMOUNT = 999_999_999_999L;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_KEY_LENGTH + "}");

    public TransferRequest {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidBankRequestException("idempotencyKey", "1–64 characters of A-Z a-z 0-9 . _ : - expected");
        }
        if (bank == null) {
            throw new InvalidBankRequestException("bankCode", "required");
        }
        accountNumber = AccountNumber.normalise(accountNumber);
        if (HolderName.normalise(expectedHolderName).isEmpty()) {
            throw new InvalidBankRequestException("expectedHolderName", "required");
        }
        expectedHolderName = expectedHolderName.strip();
        if (expectedHolderName.length() > MAX_HOLDER_NAME_LENGTH) {
            throw new InvalidBankRequestException("expectedHolderName", "at most 50 characters");
        }
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw new InvalidBankRequestException("amount", "1 to 999,999,999,999 won expected, was " + amount);
        }
        memo = memo == null ? "" : memo.strip();
        int memoLength = memo.codePointCount(0, memo.length());
        if (memoLength == 0 || memoLength > MAX_MEMO_LENGTH || memo.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidBankRequestException("memo", "1–7 printable characters expected (통장 표시)");
        }
    }

    /** The same request with the bank given by its KFTC code; an unknown code is refused. */
    public TransferRequest(String idempotencyKey, String bankCode, String accountNumber, String expectedHolderName,
                           long amount, String memo) {
        this(idempotencyKey, BankCode.of(bankCode), accountNumber, expectedHolderName, amount, memo);
    }
}
