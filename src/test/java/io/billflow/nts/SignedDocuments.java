package io.billflow.nts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.billflow.certificate.api.NtsXmlSignature;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.invoice.xml.TaxInvoiceXmlWriter;
import io.billflow.invoice.xml.XmlTestInvoices;
import io.billflow.nts.api.NtsTransmissionPort.NtsDocument;
import org.w3c.dom.Document;

/** Signed tax invoices for the NTS simulator tests: the XML test invoice, signed by a TEST certificate. */
final class SignedDocuments {

    /** Supplier of {@link XmlTestInvoices#full()}, written on 2026-10-31. */
    static final String SUPPLIER = "1248100998";
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 50_000_000L);

    private static final TaxInvoiceXmlWriter WRITER = new TaxInvoiceXmlWriter(
            Clock.fixed(Instant.parse("2026-10-31T06:00:00Z"), ZoneId.of("Asia/Seoul")));

    private SignedDocuments() {
    }

    static NtsDocument signedBy(String businessNumber) {
        return signedBy(businessNumber, document -> { });
    }

    /**
     * A fresh approval number each time (NTS keeps the first verdict per number); {@code change} edits
     * the document before it is signed (a valid signature over wrong content).
     */
    static NtsDocument signedBy(String businessNumber, Consumer<Document> change) {
        TestPki.EndEntity signer = TestPki.endEntity().businessNumber(businessNumber).companyName("한빛광고")
                .validity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-12-31T00:00:00Z")).build();
        Document document = WRITER.toDocument(XmlTestInvoices.full());
        String approvalNumber = "2026103141000008" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000L);
        document.getElementsByTagName("IssueID").item(0).setTextContent(approvalNumber);
        change.accept(document);
        NtsXmlSignature.sign(document, TaxInvoiceXmlWriter.signatureNextSibling(document),
                signer.keyPair().getPrivate(), signer.certificate());
        return new NtsDocument(approvalNumber, TaxInvoiceXmlWriter.serialize(document));
    }
}
