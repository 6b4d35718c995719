package io.billflow.certificate.api;

import java.time.Instant;

/**
 * The certificate password typed to sign did not open the key, or too many wrong ones locked signing for a while.
 * Wrong passwords at signing and at registration count together: five in a row lock the certificate for 30 minutes.
 */
public class CertificatePasswordException extends RuntimeException {

    private final int failures;
    private final int maxFailures;
    private final Instant lockedUntil;

    private CertificatePasswordException(String message, int failures, int maxFailures, Instant lockedUntil) {
        super(message);
        this.failures = failures;
        this.maxFailures = maxFailures;
        this.lockedUntil = lockedUntil;
    }

    public static CertificatePasswordException wrong(int failures, int maxFailures, Instant lockedUntil) {
        return new CertificatePasswordException("wrong certificate password (" + failures + " of " + maxFailures + ")",
                failures, maxFailures, lockedUntil);
    }

    public static CertificatePasswordException locked(Instant until) {
        return new CertificatePasswordException("signing is locked until " + until + " after wrong passwords", 0, 0, until);
    }

    /** Wrong passwords in a row so far (0 when the certificate was locked already). */
    public int failures() {
        return failures;
    }

    public int maxFailures() {
        return maxFailures;
    }

    /** Until when signing stays locked; null while tries remain. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** What the supplier reads in the portal. */
    public String messageKo() {
        if (lockedUntil != null) {
            return "인증서 비밀번호를 여러 번 잘못 입력하여 " + java.time.format.DateTimeFormatter.ofPattern("M월 d일 HH:mm")
                    .format(lockedUntil.atZone(java.time.ZoneId.of("Asia/Seoul")))
                    + "까지 서명이 잠겼습니다. 그 뒤에 다시 시도해 주세요.";
        }
        return "인증서 비밀번호가 올바르지 않습니다. (" + failures + "/" + maxFailures + "회, "
                + maxFailures + "회 틀리면 30분 동안 잠깁니다)";
    }
}
