package io.billflow.certificate.npki;

/**
 * The password does not open the key. A {@link CertificateFileException} with reason
 * {@link CertificateFileException.Reason#WRONG_PASSWORD}, as its own type so that callers counting failed attempts
 * can catch just this case.
 */
public class WrongPasswordException extends CertificateFileException {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super(Reason.WRONG_PASSWORD);
    }
}
