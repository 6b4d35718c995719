package io.billflow.certificate.npki;

import static io.billflow.certificate.npki.SecretLeakAssertions.assertMentionsNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.billflow.certificate.testpki.TestPki;
import io.billflow.certificate.testpki.TestPki.EndEntity;
import io.billflow.certificate.testpki.TestPki.KeyFiles;
import io.billflow.certificate.testpki.TestPki.KeyFormat;
import io.billflow.certificate.npki.CertificateFileException.Reason;

class NpkiReaderPairTest {

    private static final String WRONG_PASSWORD = "Wrong-Passw0rd?";

    private final NpkiReader reader = new NpkiReader();
    private final EndEntity endEntity = TestPki.endEntity().build();

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void reads_each_npki_key_format_with_its_certificate_and_r(KeyFormat format) throws Exception {
        byte[] signPriKey = endEntity.signPriKey(format, TestPki.password());

        try (LoadedCertificate loaded = reader.readPair(endEntity.certificateDer(), signPriKey, TestPki.password())) {
            assertThat(loaded.certificate()).isEqualTo(endEntity.certificate());
            assertThat(loaded.privateKeyInfo()).isEqualTo(endEntity.privateKeyInfo());
            assertThat(loaded.randomNumber()).hasSize(20).isEqualTo(endEntity.randomNumber());
            assertThat(loaded.keyEncryptionScheme()).isEqualTo(expectedScheme(format));
            assertSignsForTheCertificate(loaded);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void a_wrong_password_is_reported_as_such(KeyFormat format) {
        byte[] signPriKey = endEntity.signPriKey(format, TestPki.password());

        CertificateFileException failure = catchThrowableOfType(CertificateFileException.class,
                () -> reader.readPair(endEntity.certificateDer(), signPriKey, WRONG_PASSWORD.toCharArray()));

        assertThat(failure).isInstanceOf(WrongPasswordException.class);
        assertThat(failure.reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(failure.messageKo()).isEqualTo("인증서 비밀번호가 올바르지 않습니다.");
        assertMentionsNoSecret(failure, WRONG_PASSWORD);
        assertMentionsNoSecret(failure, TestPki.PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void a_non_ascii_password_is_taken_as_utf8_in_every_format(KeyFormat format) {
        char[] korean = "비밀번호-테스트1!".toCharArray();
        byte[] signPriKey = endEntity.signPriKey(format, korean);

        try (LoadedCertificate loaded = reader.readPair(endEntity.certificateDer(), signPriKey, korean)) {
            assertThat(loaded.randomNumber()).isEqualTo(endEntity.randomNumber());
        }
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void the_key_of_another_certificate_is_a_mismatch_not_a_wrong_password(KeyFormat format) {
        EndEntity other = TestPki.endEntity().keyAlias("another-key").build();
        byte[] otherKey = other.signPriKey(format, TestPki.password());

        assertThatThrownBy(() -> reader.readPair(endEntity.certificateDer(), otherKey, TestPki.password()))
                .isInstanceOfSatisfying(CertificateFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_CERT_MISMATCH))
                .isNotInstanceOf(WrongPasswordException.class);
    }

    @Test
    void a_key_without_r_loads_with_r_null() {
        EndEntity withoutR = TestPki.endEntity().withoutRandomNumber().build();

        try (LoadedCertificate loaded = reader.readPair(withoutR.certificateDer(),
                withoutR.signPriKey(KeyFormat.PBES2_SEED, TestPki.password()), TestPki.password())) {
            assertThat(loaded.randomNumber()).isNull();
            assertThat(loaded.hasRandomNumber()).isFalse();
        }
    }

    @Test
    void a_key_that_decrypts_but_whose_numbers_disagree_is_corrupt() throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(endEntity.privateKeyInfo());
        RSAPrivateKey rsa = RSAPrivateKey.getInstance(info.parsePrivateKey());
        RSAPrivateKey damaged = new RSAPrivateKey(rsa.getModulus(), rsa.getPublicExponent(),
                rsa.getPrivateExponent().add(BigInteger.TWO), rsa.getPrime1(), rsa.getPrime2(), rsa.getExponent1(),
                rsa.getExponent2(), rsa.getCoefficient());
        byte[] damagedInfo = new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), damaged, info.getAttributes())
                .getEncoded(ASN1Encoding.DER);
        byte[] signPriKey = KeyFiles.seedCbcWithSha1(damagedInfo, TestPki.password());

        assertReason(() -> reader.readPair(endEntity.certificateDer(), signPriKey, TestPki.password()),
                Reason.CORRUPT_KEY);
    }

    @Test
    void corrupt_certificate_bytes_are_reported_as_a_corrupt_certificate() {
        byte[] signPriKey = endEntity.signPriKey(KeyFormat.PBES2_SEED, TestPki.password());
        byte[] der = endEntity.certificateDer();

        assertReason(() -> reader.readPair(Arrays.copyOf(der, der.length / 2), signPriKey, TestPki.password()),
                Reason.CORRUPT_CERTIFICATE);
        assertReason(() -> reader.readPair(TestPki.randomBytes(600), signPriKey, TestPki.password()),
                Reason.CORRUPT_CERTIFICATE);
        assertReason(() -> reader.readPair(new byte[0], signPriKey, TestPki.password()),
                Reason.CORRUPT_CERTIFICATE);
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void corrupt_key_bytes_are_reported_as_a_corrupt_key(KeyFormat format) {
        byte[] signPriKey = endEntity.signPriKey(format, TestPki.password());
        byte[] certificate = endEntity.certificateDer();

        assertReason(() -> reader.readPair(certificate, Arrays.copyOf(signPriKey, signPriKey.length - 7),
                TestPki.password()), Reason.CORRUPT_KEY);
        assertReason(() -> reader.readPair(certificate, TestPki.randomBytes(1200), TestPki.password()),
                Reason.CORRUPT_KEY);
        assertReason(() -> reader.readPair(certificate, new byte[0], TestPki.password()), Reason.CORRUPT_KEY);
    }

    @Test
    void a_ciphertext_that_is_not_whole_blocks_is_corrupt_not_a_wrong_password() throws IOException {
        byte[] wellFormed = endEntity.signPriKey(KeyFormat.SEED_CBC_WITH_SHA1, TestPki.password());
        org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo parsed =
                org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo.getInstance(wellFormed);
        byte[] shortened = Arrays.copyOf(parsed.getEncryptedData(), parsed.getEncryptedData().length - 3);
        byte[] signPriKey = new DERSequence(new ASN1Encodable[] {parsed.getEncryptionAlgorithm(),
                new DEROctetString(shortened)}).getEncoded(ASN1Encoding.DER);

        assertReason(() -> reader.readPair(endEntity.certificateDer(), signPriKey, TestPki.password()),
                Reason.CORRUPT_KEY);
    }

    @Test
    void an_unknown_encryption_oid_is_unsupported_and_named() throws IOException {
        byte[] signPriKey = new DERSequence(new ASN1Encodable[] {
                new DERSequence(new ASN1Encodable[] {PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                        new DERSequence(new ASN1Encodable[] {new DEROctetString(new byte[8]), new ASN1Integer(2048)})}),
                new DEROctetString(new byte[64])}).getEncoded(ASN1Encoding.DER);

        CertificateFileException failure = catchThrowableOfType(CertificateFileException.class,
                () -> reader.readPair(endEntity.certificateDer(), signPriKey, TestPki.password()));

        assertThat(failure.reason()).isEqualTo(Reason.UNSUPPORTED_ENCRYPTION);
        assertThat(failure.messageEn()).contains("1.2.840.113549.1.12.1.3");
        assertThat(failure.messageKo()).contains("1.2.840.113549.1.12.1.3");
    }

    @Test
    void pbes2_with_a_cipher_other_than_seed_is_unsupported_and_names_the_cipher() throws Exception {
        byte[] signPriKey = new org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder(
                PrivateKeyInfo.getInstance(endEntity.privateKeyInfo()))
                .build(new org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder(
                        org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes256_CBC)
                        .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .build(TestPki.password()))
                .getEncoded();

        CertificateFileException failure = catchThrowableOfType(CertificateFileException.class,
                () -> reader.readPair(endEntity.certificateDer(), signPriKey, TestPki.password()));

        assertThat(failure.reason()).isEqualTo(Reason.UNSUPPORTED_ENCRYPTION);
        assertThat(failure.messageEn()).contains("2.16.840.1.101.3.4.1.42");
    }

    @Test
    void an_absurd_iteration_count_is_refused_before_any_hashing() throws IOException {
        ASN1Encodable saltAndHugeCount = new DERSequence(new ASN1Encodable[] {new DEROctetString(new byte[8]),
                new ASN1Integer(Integer.MAX_VALUE)});
        byte[] kisa = encryptedKey(new DERSequence(new ASN1Encodable[] {NpkiOids.SEED_CBC_WITH_SHA1,
                saltAndHugeCount}));
        byte[] pbes2 = encryptedKey(new DERSequence(new ASN1Encodable[] {PKCSObjectIdentifiers.id_PBES2,
                new DERSequence(new ASN1Encodable[] {
                        new DERSequence(new ASN1Encodable[] {PKCSObjectIdentifiers.id_PBKDF2, saltAndHugeCount}),
                        new DERSequence(new ASN1Encodable[] {NpkiOids.SEED_CBC, new DEROctetString(new byte[16])})})}));

        long started = System.nanoTime();
        assertReason(() -> reader.readPair(endEntity.certificateDer(), kisa, TestPki.password()),
                Reason.UNSUPPORTED_ENCRYPTION);
        assertReason(() -> reader.readPair(endEntity.certificateDer(), pbes2, TestPki.password()),
                Reason.UNSUPPORTED_ENCRYPTION);
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    private static byte[] encryptedKey(ASN1Encodable algorithm) throws IOException {
        return new DERSequence(new ASN1Encodable[] {algorithm, new DEROctetString(new byte[64])})
                .getEncoded(ASN1Encoding.DER);
    }

    @Test
    void a_certificate_without_an_rsa_key_is_unsupported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var keyPair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=TEST EC");
        X509Certificate ec = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, new Date(), new Date(System.currentTimeMillis() + 86_400_000L), name,
                keyPair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
        byte[] signPriKey = endEntity.signPriKey(KeyFormat.PBES2_SEED, TestPki.password());

        assertReason(() -> reader.readPair(ec.getEncoded(), signPriKey, TestPki.password()),
                Reason.UNSUPPORTED_KEY_ALGORITHM);
    }

    @Test
    void no_failure_message_or_trace_contains_the_password_or_key_bytes() {
        String password = "Zz9-unique-secret-Pw";
        byte[] keyInfo = endEntity.privateKeyInfo();
        EndEntity other = TestPki.endEntity().keyAlias("another-key").build();
        byte[] certificate = endEntity.certificateDer();
        byte[] rightFile = KeyFiles.seedCbcWithSha1(keyInfo, password.toCharArray());
        byte[] otherFile = other.signPriKey(KeyFormat.SEED_CBC_WITH_SHA1, password.toCharArray());

        for (Runnable attempt : new Runnable[] {
                () -> reader.readPair(certificate, rightFile, "wrong".toCharArray()),
                () -> reader.readPair(certificate, otherFile, password.toCharArray()),
                () -> reader.readPair(certificate, Arrays.copyOf(rightFile, 40), password.toCharArray()),
                () -> reader.readPair(Arrays.copyOf(certificate, 40), rightFile, password.toCharArray())}) {
            CertificateFileException failure = catchThrowableOfType(CertificateFileException.class, attempt::run);
            assertThat(failure).isNotNull();
            assertMentionsNoSecret(failure, password, keyInfo, other.privateKeyInfo(), endEntity.randomNumber());
        }
    }

    private static KeyEncryptionScheme expectedScheme(KeyFormat format) {
        return switch (format) {
            case PBES2_SEED -> KeyEncryptionScheme.PBES2_SEED;
            case SEED_CBC_WITH_SHA1 -> KeyEncryptionScheme.SEED_CBC_WITH_SHA1;
            case SEED_LEGACY -> KeyEncryptionScheme.SEED_LEGACY;
        };
    }

    static void assertSignsForTheCertificate(LoadedCertificate loaded) throws Exception {
        byte[] message = "TaxInvoice".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(loaded.toPrivateKey());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(loaded.certificate());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CertificateFileException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
