package io.billflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import io.billflow.certificate.api.NtsXmlSignature;
import io.billflow.invoice.xml.TaxInvoiceXmlWriter;
import io.billflow.invoice.xml.XmlTestInvoices;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The NTS XML-DSig profile: what the signature covers, where it sits, and how it looks. */
class NtsXmlSignatureTest {

    static KeyPair keys;
    static X509Certificate certificate;
    static final TaxInvoiceXmlWriter WRITER = new TaxInvoiceXmlWriter(Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"),
            ZoneId.of("Asia/Seoul")));

    @BeforeAll
    static void signer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=TEST signer,O=billflow test,C=KR");
        certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(7), Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(86_400)),
                name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    static String signed() {
        Document document = WRITER.toDocument(XmlTestInvoices.full());
        NtsXmlSignature.sign(document, TaxInvoiceXmlWriter.signatureNextSibling(document), keys.getPrivate(), certificate);
        return new String(TaxInvoiceXmlWriter.serialize(document), StandardCharsets.UTF_8);
    }

    @Test
    void aSignedInvoiceVerifiesWithTheCertificateItCarries() {
        NtsXmlSignature.Verification result = NtsXmlSignature.verify(signed().getBytes(StandardCharsets.UTF_8));
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.signer()).isEqualTo(certificate);
    }

    @Test
    void theProfileIsTheNtsOne() {
        String xml = signed();
        assertThat(xml.indexOf("<ds:Signature")).isGreaterThan(xml.indexOf("</ExchangedDocument>"))
                .isLessThan(xml.indexOf("<TaxInvoiceDocument"));
        assertThat(xml).contains("Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"",
                "Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"",
                "Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"", "<ds:XPath", "ExchangedDocument",
                "<ds:X509Certificate>", "<ds:Reference URI=\"\">");
        assertThat(xml).doesNotContain("&#13;");
    }

    @Test
    void changingAnAmountBreaksTheSignature() {
        String tampered = signed().replaceFirst("<GrandTotalAmount>(\\d+)</GrandTotalAmount>",
                "<GrandTotalAmount>9$1</GrandTotalAmount>");
        NtsXmlSignature.Verification result = NtsXmlSignature.verify(tampered.getBytes(StandardCharsets.UTF_8));
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("changed after signing");
    }

    @Test
    void changingTheExchangedDocumentDoesNot() {
        String xml = signed();
        String rewritten = xml.replaceFirst("(<ExchangedDocument><ID>)[^<]+", "$1ASP-RELAY-0001");
        assertThat(rewritten).isNotEqualTo(xml);
        assertThat(NtsXmlSignature.verify(rewritten.getBytes(StandardCharsets.UTF_8)).valid()).isTrue();
    }

    /** The one-pass node-set digest equals the digest the JDK computes through the XPath transform. */
    @Test
    void theFastDigestIsTheJdksDigest() throws Exception {
        for (io.billflow.invoice.domain.TaxInvoice invoice : java.util.List.of(XmlTestInvoices.full(),
                XmlTestInvoices.minimalForSigning(), XmlTestInvoices.cancellationForSigning())) {
            Document fast = WRITER.toDocument(invoice);
            Document slow = WRITER.toDocument(invoice);
            NtsXmlSignature.sign(fast, TaxInvoiceXmlWriter.signatureNextSibling(fast), keys.getPrivate(), certificate);
            java.lang.reflect.Method jdk = NtsXmlSignature.class.getDeclaredMethod("signComputingDigestInJdk",
                    Document.class, org.w3c.dom.Element.class, java.security.PrivateKey.class, X509Certificate.class);
            jdk.setAccessible(true);
            jdk.invoke(null, slow, TaxInvoiceXmlWriter.signatureNextSibling(slow), keys.getPrivate(), certificate);
            assertThat(digestValue(fast)).isEqualTo(digestValue(slow)).isNotBlank();
            assertThat(NtsXmlSignature.verify(TaxInvoiceXmlWriter.serialize(fast)).valid()).isTrue();
        }
    }

    private static String digestValue(Document document) {
        return document.getElementsByTagNameNS(javax.xml.crypto.dsig.XMLSignature.XMLNS, "DigestValue").item(0)
                .getTextContent();
    }

    @Test
    void anUnsignedOrDoublySignedDocumentIsRefused() {
        byte[] unsigned = WRITER.write(XmlTestInvoices.full());
        assertThat(NtsXmlSignature.verify(unsigned).reason()).contains("found 0");
    }
}
