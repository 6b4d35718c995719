package io.billflow.certificate.npki;

import java.util.Objects;

/**
 * A certificate or key file cannot be loaded. The {@link Reason} says precisely why, so an API can answer the user
 * in Korean or English; the optional detail carries only public facts (an OID, a count), never a password or key
 * material.
 */
public class CertificateFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a certificate file was refused, with the message to show the user. */
    public enum Reason {
        WRONG_PASSWORD(
                "인증서 비밀번호가 올바르지 않습니다.",
                "The certificate password is incorrect."),
        KEY_CERT_MISMATCH(
                "개인키가 이 인증서의 키가 아닙니다. 같은 인증서의 signCert.der와 signPri.key를 함께 올려 주세요.",
                "The private key does not belong to this certificate. Upload signCert.der and signPri.key of the same certificate."),
        CORRUPT_CERTIFICATE(
                "인증서 파일(signCert.der)을 읽을 수 없습니다. 파일이 손상되었거나 인증서 파일이 아닙니다.",
                "The certificate file (signCert.der) cannot be read: it is damaged or not a certificate."),
        CORRUPT_KEY(
                "개인키를 읽을 수 없습니다. 파일이 손상되었거나 암호화된 개인키 파일(signPri.key)이 아닙니다.",
                "The private key cannot be read: the file is damaged or not an encrypted private key (signPri.key)."),
        UNSUPPORTED_ENCRYPTION(
                "지원하지 않는 개인키 암호화 방식입니다.",
                "The private key is encrypted with an unsupported scheme."),
        UNSUPPORTED_KEY_ALGORITHM(
                "RSA 인증서만 사용할 수 있습니다.",
                "Only RSA certificates are supported."),
        CORRUPT_PKCS12(
                "PFX(PKCS#12) 파일을 읽을 수 없습니다. 파일이 손상되었거나 PFX 파일이 아닙니다.",
                "The PFX (PKCS#12) file cannot be read: it is damaged or not a PFX file."),
        NO_KEY_IN_PKCS12(
                "PFX 파일에 개인키가 없습니다. 개인키를 포함하여 내보낸 파일을 올려 주세요.",
                "The PFX file contains no private key. Export it again including the private key."),
        NO_CERTIFICATE_IN_PKCS12(
                "PFX 파일에 인증서가 없습니다.",
                "The PFX file contains no certificate."),
        MULTIPLE_KEYS_IN_PKCS12(
                "PFX 파일에 개인키가 여러 개 있습니다. 인증서 하나만 내보낸 파일을 올려 주세요.",
                "The PFX file contains several private keys. Export a single certificate.");

        private final String messageKo;
        private final String messageEn;

        Reason(String messageKo, String messageEn) {
            this.messageKo = messageKo;
            this.messageEn = messageEn;
        }

        public String messageKo() {
            return messageKo;
        }

        public String messageEn() {
            return messageEn;
        }
    }

    private final Reason reason;
    private final String detail;

    public CertificateFileException(Reason reason) {
        this(reason, null, null);
    }

    /**
     * @param detail public, language-neutral detail such as an OID; must never contain a password or key bytes
     */
    public CertificateFileException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    /**
     * @param cause only exceptions from parsing public structures; never an exception raised while handling
     *              decrypted key material, whose message could echo it
     */
    public CertificateFileException(Reason reason, String detail, Throwable cause) {
        super(english(Objects.requireNonNull(reason, "reason"), detail), cause);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** Public detail (for example the unsupported OID), or null. */
    public String detail() {
        return detail;
    }

    public String messageKo() {
        return withDetail(reason.messageKo(), detail);
    }

    public String messageEn() {
        return english(reason, detail);
    }

    private static String english(Reason reason, String detail) {
        return withDetail(reason.messageEn(), detail);
    }

    private static String withDetail(String message, String detail) {
        return detail == null ? message : message + " (" + detail + ")";
    }
}
