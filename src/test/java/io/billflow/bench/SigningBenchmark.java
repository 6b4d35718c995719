package io.billflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.List;

import io.billflow.certificate.api.NtsXmlSignature;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.platform.crypto.KeyEncryptionKeys;
import io.billflow.platform.crypto.KeyVault;
import io.billflow.platform.crypto.SealedKey;
import io.billflow.invoice.xml.TaxInvoiceXmlWriter;
import io.billflow.invoice.xml.XmlTestInvoices;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Signatures per second for a typical invoice (NTS XML-DSig profile, key opened from the vault each
 * time, as an approval does) against BouncyCastle's raw RSA-2048 SHA256withRSA rate on the same
 * machine. Run with {@code ./mvnw verify -Pbenchmark}; writes target/benchmarks/signing.txt.
 */
@Tag("benchmark")
class SigningBenchmark {

    static final int WARM_UP = 200;
    static final int MEASURED = 1_000;

    @Test
    void xmlSignaturesAgainstRawRsa() throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        TestPki.EndEntity entity = TestPki.endEntity().build();
        KeyPair keys = entity.keyPair();
        X509Certificate certificate = entity.certificate();
        TaxInvoiceXmlWriter writer = new TaxInvoiceXmlWriter(Clock.systemUTC());
        byte[] typicalInvoice = writer.write(XmlTestInvoices.full());

        byte[] kek = new byte[32];
        new java.security.SecureRandom().nextBytes(kek);
        KeyVault vault = new KeyVault(new KeyEncryptionKeys(kek, List.of()));
        SealedKey sealed = vault.seal(1, "bench", keys.getPrivate().getEncoded());

        for (int i = 0; i < WARM_UP; i++) {
            signXml(writer, vault, sealed, certificate);
            rawSign(keys.getPrivate(), typicalInvoice);
        }
        long build = 0;
        long open = 0;
        long sign = 0;
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            Document document = writer.toDocument(XmlTestInvoices.full());
            long t1 = System.nanoTime();
            byte[] pkcs8 = vault.open(1, "bench", sealed);
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            java.util.Arrays.fill(pkcs8, (byte) 0);
            long t2 = System.nanoTime();
            NtsXmlSignature.sign(document, TaxInvoiceXmlWriter.signatureNextSibling(document), key, certificate);
            long t3 = System.nanoTime();
            build += t1 - t0;
            open += t2 - t1;
            sign += t3 - t2;
        }
        double xmlPerSecond = MEASURED / ((System.nanoTime() - start) / 1e9);
        String breakdown = String.format("  per signature: build XML %.2f ms, open key %.2f ms, XML-DSig %.2f ms%n",
                build / 1e6 / MEASURED, open / 1e6 / MEASURED, sign / 1e6 / MEASURED);
        start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            rawSign(keys.getPrivate(), typicalInvoice);
        }
        double rawPerSecond = MEASURED / ((System.nanoTime() - start) / 1e9);

        String report = String.format("Invoice XML signatures (vault open + XML-DSig, %d bytes): %.0f/s%n"
                        + "Raw BouncyCastle SHA256withRSA (RSA-2048): %.0f/s%nRatio: %.2f%n",
                typicalInvoice.length, xmlPerSecond, rawPerSecond, xmlPerSecond / rawPerSecond) + breakdown;
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "signing.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(xmlPerSecond).isPositive();
    }

    private static void signXml(TaxInvoiceXmlWriter writer, KeyVault vault, SealedKey sealed, X509Certificate cert)
            throws Exception {
        Document document = writer.toDocument(XmlTestInvoices.full());
        byte[] pkcs8 = vault.open(1, "bench", sealed);
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        java.util.Arrays.fill(pkcs8, (byte) 0);
        NtsXmlSignature.sign(document, TaxInvoiceXmlWriter.signatureNextSibling(document), key, cert);
    }

    private static void rawSign(PrivateKey key, byte[] data) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA", "BC");
        signature.initSign(key);
        signature.update(data);
        signature.sign();
    }
}
