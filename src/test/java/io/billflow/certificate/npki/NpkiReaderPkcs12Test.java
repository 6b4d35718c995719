package io.billflow.certificate.npki;

import static io.billflow.certificate.npki.NpkiReaderPairTest.assertReason;
import static io.billflow.certificate.npki.NpkiReaderPairTest.assertSignsForTheCertificate;
import static io.billflow.certificate.npki.SecretLeakAssertions.assertMentionsNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBMac1CalculatorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.billflow.certificate.testpki.TestPki;
import io.billflow.certificate.testpki.TestPki.EndEntity;
import io.billflow.certificate.testpki.TestPki.KeyFiles;
import io.billflow.certificate.testpki.TestPki.Pkcs12Encryption;
import io.billflow.certificate.npki.CertificateFileException.Reason;

class NpkiReaderPkcs12Test {

    private final NpkiReader reader = new NpkiReader();
    private final EndEntity endEntity = TestPki.endEntity().build();

    @ParameterizedTest
    @EnumSource(Pkcs12Encryption.class)
    void reads_the_end_entity_certificate_its_key_and_r(Pkcs12Encryption encryption) throws Exception {
        byte[] pfx = endEntity.pkcs12(encryption, TestPki.password());

        try (LoadedCertificate loaded = reader.readPkcs12(pfx, TestPki.password())) {
            // The file also holds the intermediate CA certificate, first: the reader must pick by key.
            assertThat(loaded.certificate()).isEqualTo(endEntity.certificate());
            assertThat(loaded.privateKeyInfo()).isEqualTo(endEntity.privateKeyInfo());
            assertThat(loaded.randomNumber()).isEqualTo(endEntity.randomNumber());
            assertThat(loaded.keyEncryptionScheme()).isEqualTo(KeyEncryptionScheme.PKCS12);
            assertSignsForTheCertificate(loaded);
        }
    }

    @ParameterizedTest
    @EnumSource(Pkcs12Encryption.class)
    void a_wrong_password_fails_the_mac(Pkcs12Encryption encryption) {
        byte[] pfx = endEntity.pkcs12(encryption, TestPki.password());

        CertificateFileException failure = catchThrowableOfType(CertificateFileException.class,
                () -> reader.readPkcs12(pfx, "Wrong-Passw0rd?".toCharArray()));

        assertThat(failure).isInstanceOf(WrongPasswordException.class);
        assertMentionsNoSecret(failure, "Wrong-Passw0rd?");
        assertMentionsNoSecret(failure, TestPki.PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(Pkcs12Encryption.class)
    void without_a_mac_a_wrong_password_is_still_caught_when_decrypting(Pkcs12Encryption encryption) {
        byte[] pfx = KeyFiles.pkcs12(endEntity.privateKeyInfo(), endEntity.chain(), TestPki.password(), encryption,
                false);

        try (LoadedCertificate loaded = reader.readPkcs12(pfx, TestPki.password())) {
            assertThat(loaded.certificate()).isEqualTo(endEntity.certificate());
        }
        assertReason(() -> reader.readPkcs12(pfx, "Wrong-Passw0rd?".toCharArray()), Reason.WRONG_PASSWORD);
    }

    /**
     * Without a MAC, one wrong password in about 256 passes the CBC padding check and "decrypts" to bytes that are no
     * SafeContents: that was reported as a damaged file (a CI run met it). Enough attempts to meet it many times.
     */
    @ParameterizedTest
    @EnumSource(Pkcs12Encryption.class)
    void without_a_mac_a_wrong_password_whose_padding_passes_is_still_a_wrong_password(Pkcs12Encryption encryption) {
        byte[] pfx = KeyFiles.pkcs12(endEntity.privateKeyInfo(), endEntity.chain(), TestPki.password(), encryption,
                false);
        for (int attempt = 0; attempt < 800; attempt++) {
            char[] wrong = ("wrong-" + attempt).toCharArray();
            assertReason(() -> reader.readPkcs12(pfx, wrong), Reason.WRONG_PASSWORD);
        }
    }

    @Test
    void a_pfx_written_by_the_jdk_key_store_is_read_too() throws Exception {
        EndEntity withoutR = TestPki.endEntity().withoutRandomNumber().build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("test", withoutR.keyPair().getPrivate(), TestPki.password(),
                withoutR.chain().toArray(new Certificate[0]));
        ByteArrayOutputStream pfx = new ByteArrayOutputStream();
        store.store(pfx, TestPki.password());

        try (LoadedCertificate loaded = reader.readPkcs12(pfx.toByteArray(), TestPki.password())) {
            assertThat(loaded.certificate()).isEqualTo(withoutR.certificate());
            assertThat(loaded.randomNumber()).isNull();
            assertSignsForTheCertificate(loaded);
        }
    }

    @Test
    void a_pbmac1_protected_pfx_is_read_and_its_mac_checked() throws Exception {
        byte[] pfx = withPbmac1(2048);

        try (LoadedCertificate loaded = reader.readPkcs12(pfx, TestPki.password())) {
            assertThat(loaded.randomNumber()).isEqualTo(endEntity.randomNumber());
        }
        assertReason(() -> reader.readPkcs12(pfx, "Wrong-Passw0rd?".toCharArray()), Reason.WRONG_PASSWORD);
        // Above our limit but below BouncyCastle's own (5,000,000), so only our guard can refuse it in time.
        assertReason(() -> reader.readPkcs12(withPbmac1(3_000_000), TestPki.password()),
                Reason.UNSUPPORTED_ENCRYPTION);
    }

    @Test
    void a_key_that_matches_none_of_the_certificates_is_a_mismatch() {
        EndEntity other = TestPki.endEntity().keyAlias("another-key").build();
        byte[] pfx = KeyFiles.pkcs12(other.privateKeyInfo(), endEntity.chain(), TestPki.password(),
                Pkcs12Encryption.PBES2_SEED, true);

        assertReason(() -> reader.readPkcs12(pfx, TestPki.password()), Reason.KEY_CERT_MISMATCH);
    }

    @Test
    void a_pfx_without_a_key_or_without_a_certificate_says_which() throws Exception {
        PKCS12PfxPduBuilder certificatesOnly = new PKCS12PfxPduBuilder();
        for (var certificate : endEntity.chain()) {
            certificatesOnly.addData(new PKCS12SafeBagBuilder(new JcaX509CertificateHolder(certificate)).build());
        }
        byte[] noKey = certificatesOnly.build(null, TestPki.password()).getEncoded();
        byte[] noCertificate = KeyFiles.pkcs12(endEntity.privateKeyInfo(), List.of(), TestPki.password(),
                Pkcs12Encryption.PBES2_AES_256, true);

        assertReason(() -> reader.readPkcs12(noKey, TestPki.password()), Reason.NO_KEY_IN_PKCS12);
        assertReason(() -> reader.readPkcs12(noCertificate, TestPki.password()), Reason.NO_CERTIFICATE_IN_PKCS12);
    }

    /**
     * A PFX whose MAC is RFC 9579 PBMAC1 (PBKDF2-HMAC-SHA256, then HMAC-SHA256), with the key in the clear. The
     * MAC is computed with 2048 iterations; a different count is then written into the file without recomputing
     * it (the reader must refuse such a count before doing the work).
     */
    private byte[] withPbmac1(int iterationsInFile) throws Exception {
        byte[] salt = TestPki.randomBytes(16);
        PKCS12PfxPdu pfx = new PKCS12PfxPduBuilder()
                .addData(new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(endEntity.privateKeyInfo())).build())
                .addData(new PKCS12SafeBagBuilder(new JcaX509CertificateHolder(endEntity.certificate())).build())
                .build(new BcPKCS12PBMac1CalculatorBuilder(pbmac1(salt, 2048)), TestPki.password());
        Pfx structure = pfx.toASN1Structure();
        MacData mac = structure.getMacData();
        MacData rewritten = new MacData(new DigestInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBMAC1, pbmac1(salt, iterationsInFile)),
                mac.getMac().getDigest()), mac.getSalt(), mac.getIterationCount().intValue());
        return new Pfx(structure.getAuthSafe(), rewritten).getEncoded(ASN1Encoding.DER);
    }

    private static PBMAC1Params pbmac1(byte[] salt, int iterations) {
        AlgorithmIdentifier hmacSha256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256,
                DERNull.INSTANCE);
        return new PBMAC1Params(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBKDF2,
                new PBKDF2Params(salt, iterations, 32, hmacSha256)), hmacSha256);
    }

    @Test
    void a_pfx_with_two_keys_is_refused_rather_than_guessed() throws Exception {
        EndEntity other = TestPki.endEntity().keyAlias("another-key").build();
        byte[] pfx = new PKCS12PfxPduBuilder()
                .addData(new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(endEntity.privateKeyInfo())).build())
                .addData(new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(other.privateKeyInfo())).build())
                .addData(new PKCS12SafeBagBuilder(new JcaX509CertificateHolder(endEntity.certificate())).build())
                .addData(new PKCS12SafeBagBuilder(new JcaX509CertificateHolder(other.certificate())).build())
                .build(null, TestPki.password()).getEncoded();

        assertReason(() -> reader.readPkcs12(pfx, TestPki.password()), Reason.MULTIPLE_KEYS_IN_PKCS12);
    }

    @Test
    void corrupt_pfx_bytes_are_reported_as_a_corrupt_pkcs12() {
        byte[] pfx = endEntity.pkcs12(Pkcs12Encryption.PBES2_SEED, TestPki.password());

        assertReason(() -> reader.readPkcs12(Arrays.copyOf(pfx, pfx.length / 2), TestPki.password()),
                Reason.CORRUPT_PKCS12);
        assertReason(() -> reader.readPkcs12(TestPki.randomBytes(3000), TestPki.password()), Reason.CORRUPT_PKCS12);
        assertReason(() -> reader.readPkcs12(new byte[0], TestPki.password()), Reason.CORRUPT_PKCS12);
        assertReason(() -> reader.readPkcs12(endEntity.certificateDer(), TestPki.password()), Reason.CORRUPT_PKCS12);
    }
}
