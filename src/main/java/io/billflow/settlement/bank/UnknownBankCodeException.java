package io.billflow.settlement.bank;

/** The code is not a KFTC bank code we support; bad input, not a bank failure. */
public class UnknownBankCodeException extends InvalidBankRequestException {

    private final String code;

    public UnknownBankCodeException(String code) {
        super("bankCode", "알 수 없는 은행 코드 '" + code + "' (KFTC 3-digit code expected, e.g. 004 KB국민은행)");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
