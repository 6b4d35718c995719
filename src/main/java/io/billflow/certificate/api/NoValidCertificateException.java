package io.billflow.certificate.api;

/** The partner has no registered certificate that is valid now: it must register (again) first. */
public class NoValidCertificateException extends RuntimeException {
    public NoValidCertificateException(String message) {
        super(message);
    }
}
