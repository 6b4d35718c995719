package io.billflow.certificate.signing;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;

/** SHA-256 of a document's serialized bytes, for the signature audit trail. */
final class DocumentDigest {

    private DocumentDigest() {
    }

    static String sha256Hex(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // the JDK's own implementation: no service-loader scan of the class path on every call
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (javax.xml.transform.TransformerException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the signed document", e);
        }
    }
}
