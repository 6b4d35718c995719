package io.billflow.certificate;

import io.billflow.certificate.testpki.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PolicyNode;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.junit.jupiter.api.Test;

import io.billflow.certificate.testpki.TestPki.EndEntity;
import io.billflow.certificate.testpki.TestPki.KeyFormat;

/** The fixture itself: what other tests rely on when they configure trust or policies with it. */
class TestPkiTest {

    @Test
    void an_end_entity_validates_to_the_trust_anchor_under_its_policy() throws Exception {
        EndEntity endEntity = TestPki.endEntity().build();

        PKIXCertPathValidatorResult result = validate(endEntity, TestPki.POLICY_YESSIGN_CORPORATE);

        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(TestPki.trustAnchor());
        PolicyNode policyTree = result.getPolicyTree();
        assertThat(policyTree).isNotNull();
    }

    @Test
    void requiring_another_policy_fails_the_validation() {
        EndEntity banking = TestPki.endEntity().policy(TestPki.POLICY_YESSIGN_BANKING).build();

        assertThatThrownBy(() -> validate(banking, TestPki.POLICY_YESSIGN_CORPORATE))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(java.security.cert.PKIXReason.INVALID_POLICY));
    }

    @Test
    void a_certificate_from_the_untrusted_ca_does_not_validate() {
        EndEntity untrusted = TestPki.endEntity().signedByUntrustedCa().build();

        assertThat(untrusted.issuer()).isEqualTo(TestPki.untrustedCa());
        assertThatThrownBy(() -> validate(untrusted, TestPki.POLICY_YESSIGN_CORPORATE))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void names_are_encoded_country_first_as_real_npki_certificates_are() {
        X509Certificate intermediate = TestPki.intermediateCa();
        X500Name subject = X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded());

        assertThat(subject.getRDNs()[0].getFirst().getType()).isEqualTo(BCStyle.C);
        assertThat(intermediate.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .isEqualTo("CN=TEST yessignCA Class 9,OU=AccreditedCA,O=yessign,C=kr");
        assertThat(TestPki.endEntity().build().certificate().getSubjectX500Principal().getName())
                .startsWith("CN=(주)테스트상사()0011234567891").endsWith(",OU=TESTBANK,OU=corporation4EC,O=yessign,C=kr");
    }

    @Test
    void the_end_entity_options_reach_the_certificate() throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(400, ChronoUnit.DAYS);
        Instant until = from.plus(30, ChronoUnit.DAYS);
        EndEntity weak = TestPki.endEntity().keySize(1024).validity(from, until).build();

        assertThat(((RSAPublicKey) weak.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
        assertThat(weak.certificate().getNotBefore().toInstant()).isEqualTo(from);
        assertThat(weak.certificate().getNotAfter().toInstant()).isEqualTo(until);
        assertThat(weak.certificate().getKeyUsage()).startsWith(true, true, false, false);
        assertThat(weak.certificate().getCriticalExtensionOIDs()).contains("2.5.29.15");
        assertThat(new String(weak.certificate().getExtensionValue("2.5.29.32"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(TestPki.CPS_URI);
    }

    @Test
    void the_pbes2_writer_is_npki_exact_and_standard_pbes2_readers_open_it() throws Exception {
        EndEntity endEntity = TestPki.endEntity().build();
        byte[] file = endEntity.signPriKey(KeyFormat.PBES2_SEED, TestPki.password());

        EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(file);
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        assertThat(kdf.getSalt()).hasSize(8);
        assertThat(kdf.getIterationCount().intValue()).isEqualTo(2048);
        assertThat(kdf.getKeyLength()).isNull();
        assertThat(ASN1Sequence.getInstance(kdf.toASN1Primitive()).size()).as("no PRF, no keyLength").isEqualTo(2);
        assertThat(pbes2.getEncryptionScheme().getAlgorithm().getId()).isEqualTo("1.2.410.200004.1.4");

        byte[] decrypted = new PKCS8EncryptedPrivateKeyInfo(file).decryptPrivateKeyInfo(
                new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(new BouncyCastleProvider())
                        .build(TestPki.password())).getEncoded();
        assertThat(decrypted).isEqualTo(endEntity.privateKeyInfo());
    }

    private static PKIXCertPathValidatorResult validate(EndEntity endEntity, String requiredPolicy) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(endEntity.chain());
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(TestPki.trustAnchor(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setInitialPolicies(Set.of(requiredPolicy));
        parameters.setExplicitPolicyRequired(true);
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}
