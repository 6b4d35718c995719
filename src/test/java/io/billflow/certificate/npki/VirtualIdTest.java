package io.billflow.certificate.npki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;

import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.billflow.certificate.testpki.TestPki;
import io.billflow.certificate.testpki.TestPki.EndEntity;
import io.billflow.certificate.testpki.TestPki.KeyFormat;
import io.billflow.certificate.testpki.TestPki.VidHash;
import io.billflow.certificate.npki.CertificateFileException.Reason;

class VirtualIdTest {

    @ParameterizedTest
    @EnumSource(VidHash.class)
    void reads_real_name_hash_algorithm_and_vid_from_the_subject_alt_name(VidHash hash) {
        EndEntity endEntity = TestPki.endEntity().vidHash(hash).build();

        VirtualId vid = VirtualId.read(endEntity.certificate()).orElseThrow();

        assertThat(vid.realName()).isEqualTo("(주)테스트상사");
        assertThat(vid.hashAlgorithmOid()).isEqualTo(hash.oid);
        assertThat(vid.virtualId())
                .isEqualTo(TestPki.virtualId(hash, TestPki.BUSINESS_NUMBER, endEntity.randomNumber()))
                .hasSize(hash == VidHash.SHA256 ? 32 : 20);
    }

    @ParameterizedTest
    @EnumSource(VidHash.class)
    void matches_the_business_number_it_was_issued_for_and_no_other(VidHash hash) {
        EndEntity endEntity = TestPki.endEntity().vidHash(hash).businessNumber("2208162517").build();
        X509Certificate certificate = endEntity.certificate();
        byte[] r = endEntity.randomNumber();

        assertThat(VirtualId.matches(certificate, "2208162517", r)).isEqualTo(VidCheck.MATCH);
        assertThat(VirtualId.matches(certificate, "220-81-62517", r)).isEqualTo(VidCheck.MATCH);
        assertThat(VirtualId.matches(certificate, "2208162518", r)).isEqualTo(VidCheck.MISMATCH);
        assertThat(VirtualId.matches(certificate, TestPki.BUSINESS_NUMBER, r)).isEqualTo(VidCheck.MISMATCH);
        byte[] otherR = r.clone();
        otherR[0] ^= 1;
        assertThat(VirtualId.matches(certificate, "2208162517", otherR)).isEqualTo(VidCheck.MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void the_r_read_from_each_key_format_verifies_the_vid(KeyFormat format) {
        EndEntity endEntity = TestPki.endEntity().build();
        try (LoadedCertificate loaded = new NpkiReader().readPair(endEntity.certificateDer(),
                endEntity.signPriKey(format, TestPki.password()), TestPki.password())) {
            VidCheck check = VirtualId.matches(loaded.certificate(), TestPki.BUSINESS_NUMBER, loaded.randomNumber());

            assertThat(check).isEqualTo(VidCheck.MATCH);
            assertThat(check.matched()).isTrue();
        }
    }

    @Test
    void without_r_in_the_key_the_check_says_r_is_missing() {
        EndEntity endEntity = TestPki.endEntity().withoutRandomNumber().build();
        try (LoadedCertificate loaded = new NpkiReader().readPair(endEntity.certificateDer(),
                endEntity.signPriKey(KeyFormat.PBES2_SEED, TestPki.password()), TestPki.password())) {
            VidCheck check = VirtualId.matches(loaded.certificate(), TestPki.BUSINESS_NUMBER, loaded.randomNumber());

            assertThat(check).isEqualTo(VidCheck.NO_RANDOM_NUMBER);
            assertThat(check.matched()).isFalse();
            assertThat(check.messageEn()).contains("random value R");
        }
    }

    @Test
    void a_certificate_without_identify_data_says_there_is_no_vid() {
        EndEntity endEntity = TestPki.endEntity().withoutVid().build();

        assertThat(VirtualId.read(endEntity.certificate())).isEmpty();
        assertThat(VirtualId.matches(endEntity.certificate(), TestPki.BUSINESS_NUMBER, endEntity.randomNumber()))
                .isEqualTo(VidCheck.NO_VID_IN_CERTIFICATE);
    }

    @Test
    void identify_data_without_a_vid_entry_is_no_vid_and_a_broken_one_is_a_corrupt_certificate() throws Exception {
        X509Certificate nameOnly = withIdentifyData(new DERSequence(new DERUTF8String("홍길동")));
        X509Certificate broken = withIdentifyData(new DERUTF8String("not a sequence"));

        assertThat(VirtualId.matches(nameOnly, TestPki.BUSINESS_NUMBER, new byte[20]))
                .isEqualTo(VidCheck.NO_VID_IN_CERTIFICATE);
        assertThatThrownBy(() -> VirtualId.read(broken)).isInstanceOfSatisfying(CertificateFileException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT_CERTIFICATE));
    }

    @Test
    void an_unknown_vid_hash_is_reported_not_guessed() {
        VirtualId vid = new VirtualId("TEST", "2.16.840.1.101.3.4.2.3", new byte[64]);

        assertThat(vid.matches(TestPki.BUSINESS_NUMBER, new byte[20])).isEqualTo(VidCheck.UNSUPPORTED_HASH_ALGORITHM);
    }

    @Test
    void the_vid_bytes_cannot_be_changed_from_outside() {
        byte[] bytes = new byte[32];
        VirtualId vid = new VirtualId("TEST", VirtualId.SHA256_OID, bytes);

        bytes[0] = 1;
        vid.virtualId()[1] = 1;

        assertThat(vid.virtualId()).isEqualTo(new byte[32]);
    }

    private static X509Certificate withIdentifyData(org.bouncycastle.asn1.ASN1Encodable value) throws Exception {
        KeyPair keyPair = TestPki.keyPair("end-entity", 2048);
        X500Name name = new X500Name("CN=TEST identifyData");
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.otherName,
                new OtherName(NpkiOids.IDENTIFY_DATA, value)));
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                new Date(), new Date(System.currentTimeMillis() + 86_400_000L), name, keyPair.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, names)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    }
}
