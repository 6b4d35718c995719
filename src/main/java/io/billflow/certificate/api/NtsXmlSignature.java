package io.billflow.certificate.api;

import io.billflow.certificate.signing.NodeSetDigest;
import java.io.ByteArrayInputStream;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilterParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The NTS e-tax-invoice XML-DSig profile (docs/reference/pki.md §4): an enveloped {@code ds:Signature} inside
 * {@code TaxInvoice}, placed right before {@code TaxInvoiceDocument}; inclusive C14N; RSA-SHA256 over a
 * SHA-256 digest of one {@code Reference URI=""} whose XPath filter leaves out {@code ExchangedDocument}
 * (the transport envelope, rewritten by ASPs) and the signature itself; the signer's X.509 certificate
 * in {@code KeyInfo}. Built on the JDK's {@code javax.xml.crypto} (Santuario inside), no extra library.
 */
public final class NtsXmlSignature {

    static final String XPATH = "not(self::*[name() = 'TaxInvoice'] | ancestor-or-self::*[name() = 'ExchangedDocument']"
            + " | ancestor-or-self::ds:Signature)";

    static {
        // the JDK otherwise folds base64 values with "&#13;\n" (JDK-8264194), which NTS validators reject
        System.setProperty("com.sun.org.apache.xml.internal.security.ignoreLineBreaks", "true");
    }

    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private NtsXmlSignature() {
    }

    /** Signs {@code document} in place, inserting the signature before {@code nextSibling}. */
    public static void sign(Document document, Element nextSibling, PrivateKey key, X509Certificate certificate) {
        sign(document, nextSibling, key, certificate, NodeSetDigest.sha256(document));
    }

    /**
     * Signs with the reference digest computed by the JDK itself (per-node XPath evaluation): the slow,
     * reference path, kept to prove in tests that {@link NodeSetDigest} yields the same digest.
     */
    static void signComputingDigestInJdk(Document document, Element nextSibling, PrivateKey key,
                                         X509Certificate certificate) {
        sign(document, nextSibling, key, certificate, null);
    }

    private static void sign(Document document, Element nextSibling, PrivateKey key, X509Certificate certificate,
                             byte[] precomputedDigest) {
        try {
            List<Transform> transforms = List.of(
                    FACTORY.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null),
                    FACTORY.newTransform(Transform.XPATH,
                            new XPathFilterParameterSpec(XPATH, Map.of("ds", XMLSignature.XMLNS))));
            Reference reference = precomputedDigest == null
                    ? FACTORY.newReference("", FACTORY.newDigestMethod(DigestMethod.SHA256, null), transforms, null, null)
                    : FACTORY.newReference("", FACTORY.newDigestMethod(DigestMethod.SHA256, null), transforms, null, null,
                            precomputedDigest);
            SignedInfo signedInfo = FACTORY.newSignedInfo(
                    FACTORY.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
            KeyInfoFactory keyInfos = FACTORY.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate))));
            DOMSignContext context = new DOMSignContext(key, document.getDocumentElement(), nextSibling);
            context.setDefaultNamespacePrefix("ds");
            FACTORY.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (java.security.GeneralSecurityException | javax.xml.crypto.MarshalException
                 | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new SignatureFailure("signing failed: " + e.getMessage(), e);
        }
    }

    /** The outcome of a verification: whether the signature holds, and the certificate that made it. */
    public record Verification(boolean valid, X509Certificate signer, String reason) {
    }

    /** Verifies the one enveloped signature with the certificate it carries (secure validation on). */
    public static Verification verify(byte[] signedXml) {
        Document document = parse(signedXml);
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            return new Verification(false, null, "expected exactly one ds:Signature, found " + signatures.getLength());
        }
        CertificateKeySelector selector = new CertificateKeySelector();
        DOMValidateContext context = new DOMValidateContext(selector, signatures.item(0));
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        try {
            XMLSignature signature = FACTORY.unmarshalXMLSignature(context);
            boolean valid = signature.validate(context);
            if (!valid) {
                boolean digestOk = signature.getSignedInfo().getReferences().stream().allMatch(r -> {
                    try {
                        return ((Reference) r).validate(context);
                    } catch (javax.xml.crypto.dsig.XMLSignatureException e) {
                        return false;
                    }
                });
                return new Verification(false, selector.certificate, digestOk
                        ? "the signature value does not match the signed data"
                        : "the signed content was changed after signing (digest mismatch)");
            }
            return new Verification(true, selector.certificate, null);
        } catch (javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            return new Verification(false, selector.certificate, "the signature cannot be checked: " + e.getMessage());
        }
    }

    /** Parses with DTDs and external entities disabled. */
    public static Document parse(byte[] xml) {
        try {
            // the JDK's own implementation: no service-loader scan of the class path on every call
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new SignatureFailure("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Takes the public key from the signature's own X509Certificate, remembering the certificate. */
    private static final class CertificateKeySelector extends KeySelector {
        X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("no KeyInfo");
            }
            for (Object item : keyInfo.getContent()) {
                if (item instanceof X509Data data) {
                    for (Object content : data.getContent()) {
                        if (content instanceof X509Certificate cert) {
                            certificate = cert;
                            PublicKey key = cert.getPublicKey();
                            return () -> (Key) key;
                        }
                    }
                }
            }
            throw new KeySelectorException("no X509Certificate in KeyInfo");
        }
    }

    /** Signing or parsing failed (never carries key material). */
    public static class SignatureFailure extends RuntimeException {
        public SignatureFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
