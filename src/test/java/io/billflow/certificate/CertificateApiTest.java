package io.billflow.certificate;

import io.billflow.certificate.testpki.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.api.InvoiceSigning;
import io.billflow.certificate.application.CertificateExpiryReminders;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.xml.TaxInvoiceXmlWriter;
import io.billflow.platform.crypto.SealedKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;

/**
 * Certificate registration through the API with the TEST PKI generated at test time (trusted through
 * the root and intermediate written to temporary files), then signing with the stored key.
 */
@BillflowSpringTest
class CertificateApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InvoiceSigning signing;

    @Autowired
    io.billflow.platform.crypto.KeyVault vault;

    @Autowired
    InvoiceService invoices;

    @Autowired
    TaxInvoiceXmlWriter xmlWriter;

    @Autowired
    CertificateExpiryReminders reminders;

    TestHttp http;
    String corpNum;
    long partnerId;

    @BeforeEach
    void partner() {
        http = new TestHttp(port);
        corpNum = TestData.newBusinessNumber();
        HttpResponse<String> created = http.postJson("/api/partners", TestData.partnerJson(corpNum, "(주)인증상사"),
                "operator", "operator");
        partnerId = InvoiceFixtures.id(created);
    }

    @Test
    void everyFormatRegistersAndNoKeyMaterialIsShown() throws Exception {
        TestPki.EndEntity entity = TestPki.endEntity().businessNumber(corpNum).build();
        for (TestPki.KeyFormat format : TestPki.KeyFormat.values()) {
            HttpResponse<String> response = uploadPair(entity.certificateDer(), entity.signPriKey(format, TestPki.password()),
                    new String(TestPki.password()));
            assertThat(response.statusCode()).as(format + ": " + response.body()).isEqualTo(201);
            assertThat(response.body()).contains("\"keyFormat\":\"" + format.name() + "\"", "\"validity\":\"VALID\"",
                    "\"status\":\"ACTIVE\"", "\"policyOid\":\"1.2.410.200005.1.1.5\"", "\"vidAlgorithm\":\"SHA-256\"");
        }
        for (TestPki.Pkcs12Encryption encryption : TestPki.Pkcs12Encryption.values()) {
            HttpResponse<String> response = uploadPfx(entity.pkcs12(encryption, TestPki.password()),
                    new String(TestPki.password()));
            assertThat(response.statusCode()).as(encryption + ": " + response.body()).isEqualTo(201);
            assertThat(response.body()).contains("\"keyFormat\":\"PKCS12\"");
        }
        HttpResponse<String> list = http.getBasic("/api/partners/" + partnerId + "/certificates", "manager", "manager");
        assertThat(list.body()).contains("\"status\":\"REPLACED\"", "\"status\":\"ACTIVE\"")
                .doesNotContainIgnoringCase("sealed").doesNotContainIgnoringCase("privateKey").doesNotContain("wrapped");
        assertThat(jdbc.queryForObject("select count(*) from certificate_registration where partner_id = ? "
                + "and status = 'ACTIVE'", Integer.class, partnerId)).isEqualTo(1);
    }

    @Test
    void theDatabaseHoldsNoPlaintextKey() throws Exception {
        TestPki.EndEntity entity = TestPki.endEntity().businessNumber(corpNum).keyAlias("scan").build();
        assertThat(uploadPair(entity.certificateDer(), entity.signPriKey(TestPki.KeyFormat.PBES2_SEED, TestPki.password()),
                new String(TestPki.password())).statusCode()).isEqualTo(201);
        byte[] pkcs8 = entity.privateKeyInfo();
        byte[] modulus = ((java.security.interfaces.RSAPrivateCrtKey) entity.keyPair().getPrivate()).getPrivateExponent()
                .toByteArray();
        Map<String, Object> row = jdbc.queryForMap("select * from certificate_registration where partner_id = ? "
                + "and status = 'ACTIVE'", partnerId);
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (column.getValue() instanceof byte[] bytes) {
                assertThat(indexOf(bytes, pkcs8)).as(column.getKey() + " holds the PKCS#8").isEqualTo(-1);
                assertThat(indexOf(bytes, java.util.Arrays.copyOfRange(modulus, 1, 33)))
                        .as(column.getKey() + " holds the private exponent").isEqualTo(-1);
            } else if (column.getValue() != null) {
                assertThat(column.getValue().toString()).doesNotContain(new String(TestPki.password()));
            }
        }
        assertThat(jdbc.queryForList("select detail from audit_log where detail is not null", String.class))
                .noneMatch(detail -> detail.contains(new String(TestPki.password())));
    }

    @Test
    void badCertificatesGetPreciseReasons() throws Exception {
        Instant now = Instant.now();
        expectRefused(TestPki.endEntity().businessNumber(corpNum).validity(now.minus(400, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS)).build(), 422, "EXPIRED", "만료");
        expectRefused(TestPki.endEntity().businessNumber(corpNum).validity(now.plus(2, ChronoUnit.DAYS),
                now.plus(300, ChronoUnit.DAYS)).build(), 422, "NOT_YET_VALID", "유효기간");
        expectRefused(TestPki.endEntity().businessNumber(corpNum).policy("1.2.410.200005.1.1.4").build(), 422,
                "BANKING_ONLY", "은행");
        expectRefused(TestPki.endEntity().businessNumber(corpNum).policy("1.2.410.200004.5.4.1.1").build(), 422,
                "POLICY_NOT_ALLOWED", "정책");
        expectRefused(TestPki.endEntity().businessNumber(TestData.newBusinessNumber()).build(), 422,
                "BUSINESS_NUMBER_MISMATCH", "VID");
        expectRefused(TestPki.endEntity().businessNumber(corpNum).keySize(1024).keyAlias("weak").build(), 422,
                "WEAK_KEY", "2048");
        expectRefused(TestPki.endEntity().businessNumber(corpNum).signedByUntrustedCa().build(), 422,
                "UNTRUSTED_CHAIN", "인증기관");
        expectRefused(TestPki.endEntity().businessNumber(corpNum).withoutRandomNumber().keyAlias("nor").build(), 422,
                "NO_VIRTUAL_ID", null);

        TestPki.EndEntity good = TestPki.endEntity().businessNumber(corpNum).build();
        byte[] corrupted = good.signPriKey(TestPki.KeyFormat.PBES2_SEED, TestPki.password());
        corrupted[corrupted.length / 2] ^= 0x5a;
        HttpResponse<String> broken = uploadPair(good.certificateDer(), corrupted, new String(TestPki.password()));
        assertThat(broken.statusCode()).isBetween(400, 422);
        assertThat(broken.body()).contains("\"messageKo\"", "\"messageEn\"");
        assertThat(uploadPair("not a certificate".getBytes(), good.signPriKey(TestPki.KeyFormat.PBES2_SEED,
                TestPki.password()), new String(TestPki.password())).body()).contains("\"reason\":\"UNREADABLE_FILE\"");
        assertThat(jdbc.queryForObject("select count(*) from certificate_registration where partner_id = ?",
                Integer.class, partnerId)).isZero();
    }

    @Test
    void fiveWrongPasswordsLockRegistrationForHalfAnHour() throws Exception {
        TestPki.EndEntity entity = TestPki.endEntity().businessNumber(corpNum).build();
        byte[] key = entity.signPriKey(TestPki.KeyFormat.SEED_CBC_WITH_SHA1, TestPki.password());
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = uploadPair(entity.certificateDer(), key, "wrong-" + i);
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(wrong.body()).contains("\"reason\":\"WRONG_PASSWORD\"", "\"messageKo\"").doesNotContain("wrong-" + i);
        }
        HttpResponse<String> locked = uploadPair(entity.certificateDer(), key, new String(TestPki.password()));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("\"reason\":\"LOCKED\"");
        jdbc.update("update certificate_password_failures set locked_until = now() - interval '1 minute' where partner_id = ?",
                partnerId);
        assertThat(uploadPair(entity.certificateDer(), key, new String(TestPki.password())).statusCode()).isEqualTo(201);
    }

    @Test
    void aRegisteredCertificateSignsAnInvoiceThatVerifies() throws Exception {
        TestPki.EndEntity entity = TestPki.endEntity().businessNumber(corpNum).build();
        assertThat(uploadPfx(entity.pkcs12(TestPki.Pkcs12Encryption.PBES2_SEED, TestPki.password()),
                new String(TestPki.password())).statusCode()).isEqualTo(201);
        assertThat(signing.hasValidCertificate(partnerId)).isTrue();
        http.postJson("/api/partners/" + partnerId + "/nts-link", "", "operator", "operator");
        long buyer = new InvoiceFixtures(http).buyerCompany();
        long invoiceId = InvoiceFixtures.id(http.postJson("/api/invoices",
                InvoiceFixtures.invoiceJson(buyer, partnerId, "SIGN-" + partnerId), "operator", "operator"));

        Document document = xmlWriter.toDocument(invoices.get(invoiceId));
        String serial;
        try (InvoiceSigning.SigningKey key = signing.open(partnerId, TestPki.password(), "supplier")) {
            serial = key.sign(document, TaxInvoiceXmlWriter.signatureNextSibling(document), "invoice",
                    String.valueOf(invoiceId));
        }
        byte[] signed = TaxInvoiceXmlWriter.serialize(document);

        InvoiceSigning.SignatureCheck check = signing.verify(signed, corpNum);
        assertThat(check.valid()).as(check.reason()).isTrue();
        assertThat(check.signerSerial()).isEqualTo(serial);
        assertThat(signing.verify(signed, TestData.newBusinessNumber()).signerMatches()).isFalse();
        String tampered = new String(signed, StandardCharsets.UTF_8).replace("<GrandTotalAmount>1650000<",
                "<GrandTotalAmount>1650001<");
        assertThat(signing.verify(tampered.getBytes(StandardCharsets.UTF_8), corpNum).signatureValid()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from certificate_signature_audit where subject_id = ? "
                + "and certificate_serial = ? and length(document_sha256) = 64", Integer.class,
                String.valueOf(invoiceId), serial)).isEqualTo(1);
    }

    @Test
    void theStoredKeySignsOnlyWithTheCertificatePasswordTypedNow() throws Exception {
        TestPki.EndEntity entity = TestPki.endEntity().businessNumber(corpNum).build();
        assertThat(uploadPfx(entity.pkcs12(TestPki.Pkcs12Encryption.PBES2_SEED, TestPki.password()),
                new String(TestPki.password())).statusCode()).isEqualTo(201);
        Map<String, Object> stored = jdbc.queryForMap("select key_protection, sealed_key, key_iv, wrapped_dek, dek_iv, "
                + "kek_id, serial_number from certificate_registration where partner_id = ? and status = 'ACTIVE'",
                partnerId);
        assertThat(stored.get("key_protection")).isEqualTo("PASSWORD_PBES2");

        // even with the database and the KEK, what opens is a PBES2-locked key, not a usable one
        byte[] insideTheVault = vault.open(partnerId, (String) stored.get("serial_number"), new SealedKey(
                (byte[]) stored.get("sealed_key"), (byte[]) stored.get("key_iv"), (byte[]) stored.get("wrapped_dek"),
                (byte[]) stored.get("dek_iv"), (String) stored.get("kek_id")));
        org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo locked =
                new org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo(insideTheVault);
        assertThat(locked.getEncryptionAlgorithm().getAlgorithm())
                .isEqualTo(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_PBES2);
        assertThatThrownBy(() -> java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(insideTheVault)))
                .isInstanceOf(java.security.spec.InvalidKeySpecException.class);

        assertThatThrownBy(() -> signing.open(partnerId, new char[0], "operator"))
                .isInstanceOf(io.billflow.platform.web.InvalidInputException.class);
        for (int attempt = 1; attempt <= 4; attempt++) {
            int tried = attempt;
            assertThatThrownBy(() -> signing.open(partnerId, ("guess-" + tried).toCharArray(), "operator"))
                    .isInstanceOfSatisfying(io.billflow.certificate.api.CertificatePasswordException.class,
                            e -> assertThat(e.failures()).isEqualTo(tried));
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CERTIFICATE_WRONG_PASSWORD' "
                + "and subject_id = ? and detail like 'at signing%'", Integer.class, String.valueOf(partnerId)))
                .as("each wrong password at signing is audited, though the refused signature rolls back").isEqualTo(4);
        try (InvoiceSigning.SigningKey key = signing.open(partnerId, TestPki.password(), "supplier")) {
            assertThat(key.serialNumber()).isEqualTo(stored.get("serial_number"));
        }
        assertThat(jdbc.queryForObject("select count(*) from certificate_password_failures where partner_id = ?",
                Integer.class, partnerId)).as("the right password clears the count").isZero();
        for (int attempt = 1; attempt <= 5; attempt++) {
            int tried = attempt;
            assertThatThrownBy(() -> signing.open(partnerId, ("guess-" + tried).toCharArray(), "operator"))
                    .isInstanceOf(io.billflow.certificate.api.CertificatePasswordException.class);
        }
        assertThatThrownBy(() -> signing.open(partnerId, TestPki.password(), "supplier"))
                .as("five wrong in a row lock signing, the right password included")
                .isInstanceOfSatisfying(io.billflow.certificate.api.CertificatePasswordException.class,
                        e -> assertThat(e.lockedUntil()).isNotNull());
        jdbc.update("delete from certificate_password_failures where partner_id = ?", partnerId);
    }

    @Test
    void aKeyStoredBeforePasswordLockingNoLongerSigns() throws Exception {
        TestPki.EndEntity entity = TestPki.endEntity().businessNumber(corpNum).build();
        assertThat(uploadPfx(entity.pkcs12(TestPki.Pkcs12Encryption.PBES2_SEED, TestPki.password()),
                new String(TestPki.password())).statusCode()).isEqualTo(201);
        jdbc.update("update certificate_registration set key_protection = 'KEK_ONLY' where partner_id = ?", partnerId);
        assertThat(signing.hasValidCertificate(partnerId)).isFalse();
        assertThatThrownBy(() -> signing.open(partnerId, TestPki.password(), "supplier"))
                .isInstanceOf(io.billflow.certificate.api.NoValidCertificateException.class)
                .hasMessageContaining("registered again");
    }

    @Test
    void expiryRemindersGoOutOnce() throws Exception {
        Instant now = Instant.now();
        TestPki.EndEntity entity = TestPki.endEntity().businessNumber(corpNum)
                .validity(now.minus(300, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS)).build();
        assertThat(uploadPair(entity.certificateDer(), entity.signPriKey(TestPki.KeyFormat.PBES2_SEED, TestPki.password()),
                new String(TestPki.password())).statusCode()).isEqualTo(201);
        assertThat(http.getBasic("/api/certificates/expiring?days=7", "operator", "operator").body())
                .contains("\"partnerId\":" + partnerId, "\"validity\":\"EXPIRING\"");
        reminders.remind();
        reminders.remind();
        assertThat(jdbc.queryForList("select dedup_key from notification_message where event_type = 'CERTIFICATE_EXPIRING' "
                + "and recipients like ?", String.class, "%" + corpNum + "%")).hasSize(1)
                .allMatch(key -> key.contains(":7:"));
    }

    @Test
    void onlyAdminsRotateTheKek() {
        assertThat(http.postJson("/api/admin/certificates/rotate-kek", "", "operator", "operator").statusCode()).isEqualTo(403);
        HttpResponse<String> rotated = http.postJson("/api/admin/certificates/rotate-kek", "", "admin", "admin");
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.body()).contains("\"rewrapped\":0");
    }

    private void expectRefused(TestPki.EndEntity entity, int status, String reason, String koreanFragment) throws Exception {
        HttpResponse<String> response = uploadPair(entity.certificateDer(),
                entity.signPriKey(TestPki.KeyFormat.PBES2_SEED, TestPki.password()), new String(TestPki.password()));
        assertThat(response.statusCode()).as(reason + ": " + response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"reason\":\"" + reason + "\"", "\"messageEn\"");
        if (koreanFragment != null) {
            assertThat(response.body()).contains(koreanFragment);
        }
    }

    private HttpResponse<String> uploadPair(byte[] cert, byte[] key, String password) {
        Map<String, TestHttp.FilePart> files = new LinkedHashMap<>();
        files.put("signCert", new TestHttp.FilePart("signCert.der", cert));
        files.put("signPri", new TestHttp.FilePart("signPri.key", key));
        return http.multipart("/api/partners/" + partnerId + "/certificates", files, Map.of("password", password),
                "operator", "operator");
    }

    private HttpResponse<String> uploadPfx(byte[] pfx, String password) {
        return http.multipart("/api/partners/" + partnerId + "/certificates",
                Map.of("pfx", new TestHttp.FilePart("cert.pfx", pfx)), Map.of("password", password), "operator", "operator");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
