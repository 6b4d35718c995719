package io.billflow.certificate.npki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.billflow.certificate.npki.CertificateFileException.Reason;

class CertificateFileExceptionTest {

    @ParameterizedTest
    @EnumSource(Reason.class)
    void every_reason_has_a_korean_and_an_english_message(Reason reason) {
        CertificateFileException exception = new CertificateFileException(reason);

        assertThat(exception.messageKo()).isEqualTo(reason.messageKo()).containsPattern("[가-힣]");
        assertThat(exception.messageEn()).isEqualTo(reason.messageEn()).matches("\\p{ASCII}+");
        assertThat(exception.getMessage()).isEqualTo(exception.messageEn());
    }

    @ParameterizedTest
    @EnumSource(VidCheck.class)
    void every_vid_check_result_has_a_korean_and_an_english_message(VidCheck check) {
        assertThat(check.messageKo()).containsPattern("[가-힣]");
        assertThat(check.messageEn()).matches("\\p{ASCII}+");
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void the_detail_is_appended_in_both_languages(Reason reason) {
        CertificateFileException exception = new CertificateFileException(reason, "algorithm 1.2.3.4");

        assertThat(exception.messageKo()).isEqualTo(reason.messageKo() + " (algorithm 1.2.3.4)");
        assertThat(exception.messageEn()).isEqualTo(reason.messageEn() + " (algorithm 1.2.3.4)");
        assertThat(exception.detail()).isEqualTo("algorithm 1.2.3.4");
    }
}
