package io.billflow.settlement.bank;

/** Bad input caught before anything is sent to a bank (→ HTTP 400 naming {@link #field()}). */
public class InvalidBankRequestException extends IllegalArgumentException {

    private final String field;

    public InvalidBankRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
