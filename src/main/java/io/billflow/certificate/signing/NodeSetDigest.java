package io.billflow.certificate.signing;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

import javax.xml.crypto.dsig.XMLSignature;

import io.billflow.certificate.api.NtsXmlSignature;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The digest of the NTS profile's reference, computed in one pass: the node set that the XPath filter
 * {@code not(self::TaxInvoice | ancestor-or-self::ExchangedDocument | ancestor-or-self::ds:Signature)}
 * selects is built by walking the DOM once, then canonicalized (inclusive C14N, no comments) by Apache
 * Santuario. The JDK evaluates that XPath expression once per node, which costs more than the RSA
 * signature itself; the result is the same byte for byte (NtsXmlSignatureTest signs both ways and
 * compares, and every signature is verified by the JDK's full path).
 */
public final class NodeSetDigest {

    static {
        org.apache.xml.security.Init.init();
    }

    private NodeSetDigest() {
    }

    public static byte[] sha256(Document document) {
        Set<Node> selected = new HashSet<>();
        select(document.getDocumentElement(), true, selected);
        try {
            ByteArrayOutputStream canonical = new ByteArrayOutputStream(8192);
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS)
                    .canonicalizeXPathNodeSet(selected, canonical);
            return MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray());
        } catch (org.apache.xml.security.exceptions.XMLSecurityException | NoSuchAlgorithmException e) {
            throw new NtsXmlSignature.SignatureFailure("canonicalization failed: " + e.getMessage(), e);
        }
    }

    private static void select(Node node, boolean root, Set<Node> selected) {
        if (node instanceof Element element) {
            if (isLeftOut(element)) {
                return;
            }
            if (!root) {
                selected.add(element);
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                selected.add(attributes.item(i));
            }
        } else if (node.getNodeType() != Node.COMMENT_NODE) {
            selected.add(node);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            select(child, false, selected);
        }
    }

    private static boolean isLeftOut(Element element) {
        return "ExchangedDocument".equals(element.getLocalName() == null ? element.getNodeName() : element.getLocalName())
                || (XMLSignature.XMLNS.equals(element.getNamespaceURI()) && "Signature".equals(element.getLocalName()));
    }
}
