package io.billflow.certificate.npki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.billflow.certificate.testpki.TestPki;
import io.billflow.certificate.testpki.TestPki.EndEntity;
import io.billflow.certificate.testpki.TestPki.KeyFormat;
import io.billflow.certificate.npki.CertificateFileException.Reason;

/**
 * About one wrong password in 256 decrypts to bytes ending in a valid PKCS#5 padding (docs/reference/pki.md §5.4). Tries
 * wrong passwords until the reader itself has met several such cases (seen through
 * {@link KisaPbe#PADDING_ACCEPTED}), and checks it still answered WRONG_PASSWORD every time, never a corrupt key or
 * a mismatch.
 */
class NpkiPaddingFalsePositiveTest {

    private static final int MIN_ATTEMPTS = 2_000;
    private static final int MIN_PADDING_FALSE_POSITIVES = 3;
    private static final int MAX_ATTEMPTS = 20_000;

    private final NpkiReader reader = new NpkiReader();

    @ParameterizedTest
    @EnumSource(value = KeyFormat.class, names = {"SEED_CBC_WITH_SHA1", "SEED_LEGACY"})
    void every_wrong_password_is_reported_as_wrong_even_when_the_padding_happens_to_be_valid(KeyFormat format) {
        EndEntity endEntity = TestPki.endEntity().build();
        byte[] certificate = endEntity.certificateDer();
        byte[] signPriKey = endEntity.signPriKey(format, TestPki.password());

        int attempts = 0;
        int paddingFalsePositives = 0;
        while (attempts < MAX_ATTEMPTS
                && (attempts < MIN_ATTEMPTS || paddingFalsePositives < MIN_PADDING_FALSE_POSITIVES)) {
            char[] wrongPassword = ("wrong-" + attempts).toCharArray();
            attempts++;
            long acceptedBefore = KisaPbe.PADDING_ACCEPTED.sum();

            CertificateFileException failure = catchThrowableOfType(CertificateFileException.class,
                    () -> reader.readPair(certificate, signPriKey, wrongPassword));

            assertThat(failure).as("attempt %d", attempts).isNotNull();
            assertThat(failure.reason()).as("attempt %d", attempts).isEqualTo(Reason.WRONG_PASSWORD);
            if (KisaPbe.PADDING_ACCEPTED.sum() > acceptedBefore) {
                paddingFalsePositives++;
            }
        }

        assertThat(paddingFalsePositives)
                .as("wrong passwords whose decryption had a valid padding, out of %d", attempts)
                .isGreaterThanOrEqualTo(MIN_PADDING_FALSE_POSITIVES);
    }
}
