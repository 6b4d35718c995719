package io.billflow.settlement.bank;

/**
 * The bank (or PG 지급대행) that pays partners out. Implementations: {@code BankSimulator} (in process) today; a
 * firm-banking / 오픈뱅킹 / PortOne adapter later.
 * <p>
 * Contract: permanent refusals are results with a {@link BankResponseCode}; anything transient is a
 * {@link BankUnavailableException} to retry with the same key; a key is executed at most once, and asking again
 * returns the first result. Bad input is an {@link InvalidBankRequestException} before anything is sent.
 */
public interface BankPort {

    /** 수취조회: who holds this account, or why it cannot receive money. */
    AccountHolderResult lookupHolder(String bankCode, String accountNumber);

    /** 입금이체: moves {@code request.amount()} won at most once per idempotency key. */
    TransferResult transfer(TransferRequest request);

    /**
     * 이체결과조회: the result of a key after a timeout, instead of re-sending.
     * {@link BankResponseCode#NO_SUCH_TRANSFER} means the bank never received it.
     */
    TransferResult status(String idempotencyKey);
}
