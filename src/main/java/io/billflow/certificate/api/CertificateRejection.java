package io.billflow.certificate.api;

import org.springframework.http.HttpStatus;

/**
 * Why a certificate was refused, with a message in Korean and in English. Answered as a problem
 * detail with {@code reason}, {@code messageKo} and {@code messageEn}.
 */
public class CertificateRejection extends RuntimeException {

    /** The reasons a registration is refused, each with its HTTP status. */
    public enum Reason {
        WRONG_PASSWORD(HttpStatus.UNPROCESSABLE_ENTITY),
        LOCKED(HttpStatus.TOO_MANY_REQUESTS),
        NOT_YET_VALID(HttpStatus.UNPROCESSABLE_ENTITY),
        EXPIRED(HttpStatus.UNPROCESSABLE_ENTITY),
        POLICY_NOT_ALLOWED(HttpStatus.UNPROCESSABLE_ENTITY),
        BANKING_ONLY(HttpStatus.UNPROCESSABLE_ENTITY),
        UNTRUSTED_CHAIN(HttpStatus.UNPROCESSABLE_ENTITY),
        BUSINESS_NUMBER_MISMATCH(HttpStatus.UNPROCESSABLE_ENTITY),
        NO_VIRTUAL_ID(HttpStatus.UNPROCESSABLE_ENTITY),
        WEAK_KEY(HttpStatus.UNPROCESSABLE_ENTITY),
        UNREADABLE_FILE(HttpStatus.BAD_REQUEST),
        NOT_A_BUSINESS(HttpStatus.BAD_REQUEST);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    private final Reason reason;
    private final String messageKo;

    public CertificateRejection(Reason reason, String messageKo, String messageEn) {
        super(messageEn);
        this.reason = reason;
        this.messageKo = messageKo;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKo() {
        return messageKo;
    }

    public String messageEn() {
        return getMessage();
    }
}
