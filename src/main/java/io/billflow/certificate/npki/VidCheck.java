package io.billflow.certificate.npki;

/** The outcome of checking a certificate's VID against an identification number and R. */
public enum VidCheck {
    MATCH(
            "인증서의 식별번호(VID)가 사업자등록번호와 일치합니다.",
            "The certificate's VID matches the identification number."),
    MISMATCH(
            "이 인증서는 입력한 사업자등록번호의 인증서가 아닙니다.",
            "The certificate was not issued for this identification number."),
    NO_VID_IN_CERTIFICATE(
            "인증서에 본인확인용 식별정보(VID)가 없어 사업자등록번호를 확인할 수 없습니다.",
            "The certificate carries no VID, so the identification number cannot be checked."),
    NO_RANDOM_NUMBER(
            "개인키에 본인확인용 난수(R)가 없어 사업자등록번호를 확인할 수 없습니다.",
            "The private key carries no random value R, so the identification number cannot be checked."),
    UNSUPPORTED_HASH_ALGORITHM(
            "인증서의 VID가 지원하지 않는 해시 알고리즘을 사용합니다.",
            "The certificate's VID uses an unsupported hash algorithm.");

    private final String messageKo;
    private final String messageEn;

    VidCheck(String messageKo, String messageEn) {
        this.messageKo = messageKo;
        this.messageEn = messageEn;
    }

    public boolean matched() {
        return this == MATCH;
    }

    public String messageKo() {
        return messageKo;
    }

    public String messageEn() {
        return messageEn;
    }
}
