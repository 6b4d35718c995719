package io.billflow.invoice.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import io.billflow.invoice.domain.TaxInvoice;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A {@link TaxInvoice} as the unsigned KEC/NTS standard {@code TaxInvoice} document.
 *
 * <p>Signing (issue #4) works on the DOM: take {@link #toDocument}, sign it enveloped with
 * {@code DOMSignContext(key, document.getDocumentElement(), signatureNextSibling(document))} so that
 * {@code ds:Signature} lands between {@code ExchangedDocument} and {@code TaxInvoiceDocument}, then
 * {@link #serialize} the signed document.
 */
@Component
public class TaxInvoiceXmlWriter {

    private final Clock clock;

    public TaxInvoiceXmlWriter(Clock clock) {
        this.clock = clock;
    }

    /** The document as a DOM, ready to be signed; ExchangedDocument/IssueDateTime is now (KST). */
    public Document toDocument(TaxInvoice invoice) {
        return TaxInvoiceDom.render(TaxInvoiceXmlMapper.map(invoice, clock.instant()));
    }

    /** The unsigned document as UTF-8 bytes. */
    public byte[] write(TaxInvoice invoice) {
        return serialize(toDocument(invoice));
    }

    /**
     * UTF-8 bytes of a (possibly signed) document, exactly as the DOM is: no pretty-printing, because
     * whitespace added after signing would break the signature's digest.
     */
    public static byte[] serialize(Document document) {
        try {
            Transformer transformer = SecureXml.identityTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not serialize the tax invoice XML", e);
        }
    }

    /** The {@code TaxInvoiceDocument} element: the enveloped signature is inserted right before it. */
    public static Element signatureNextSibling(Document document) {
        for (Node child = document.getDocumentElement().getFirstChild(); child != null;
             child = child.getNextSibling()) {
            if (child instanceof Element element && TaxInvoiceXmlFormat.NAMESPACE.equals(element.getNamespaceURI())
                    && TaxInvoiceXmlFormat.SIGNATURE_NEXT_SIBLING.equals(element.getLocalName())) {
                return element;
            }
        }
        throw new IllegalArgumentException("not a TaxInvoice document: no TaxInvoiceDocument element");
    }
}
