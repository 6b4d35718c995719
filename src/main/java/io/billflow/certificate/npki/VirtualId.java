package io.billflow.certificate.npki;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;

import io.billflow.certificate.npki.CertificateFileException.Reason;

/**
 * The KISA identifyData of a certificate (docs/reference/pki.md §2): the subjectAltName otherName
 * {@code 1.2.410.200004.10.1.1} with
 * {@code SEQ{ realName UTF8String, SEQ{ SEQ{ 1.2.410.200004.10.1.1.1, SEQ{ hashAlg, [0] EXPLICIT OCTET STRING
 * virtualID } } } }}.
 * <p>
 * The VID binds the certificate to an identification number: {@code VID = H(H(DER(SEQ{ PrintableString idn,
 * BIT STRING R })))}, where R is the random value kept in the private key. For corporate certificates idn is the
 * 10-digit 사업자등록번호 (docs/reference/pki.md §2, unconfirmed against a real corporate certificate); for individuals the
 * 주민등록번호.
 *
 * @param realName         the realName of identifyData
 * @param hashAlgorithmOid the hash of the VID: SHA-256 ({@code 2.16.840.1.101.3.4.2.1}) or, in old certificates,
 *                         SHA-1 ({@code 1.3.14.3.2.26})
 * @param virtualId        the VID bytes (copied in and out)
 */
public record VirtualId(String realName, String hashAlgorithmOid, byte[] virtualId) {

    public static final String SHA256_OID = "2.16.840.1.101.3.4.2.1";
    public static final String SHA1_OID = "1.3.14.3.2.26";

    private static final Map<String, String> DIGEST_NAMES = Map.of(SHA256_OID, "SHA-256", SHA1_OID, "SHA-1");

    public VirtualId {
        Objects.requireNonNull(realName, "realName");
        Objects.requireNonNull(hashAlgorithmOid, "hashAlgorithmOid");
        virtualId = Objects.requireNonNull(virtualId, "virtualId").clone();
    }

    @Override
    public byte[] virtualId() {
        return virtualId.clone();
    }

    /**
     * The VID of the certificate, or empty when it has no identifyData or identifyData holds no plain VID (only an
     * encryptedVID, say).
     *
     * @throws CertificateFileException CORRUPT_CERTIFICATE when identifyData is present but malformed
     */
    public static Optional<VirtualId> read(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            GeneralNames names = GeneralNames.getInstance(ASN1OctetString.getInstance(extension).getOctets());
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() == GeneralName.otherName) {
                    OtherName otherName = OtherName.getInstance(name.getName());
                    if (NpkiOids.IDENTIFY_DATA.equals(otherName.getTypeID())) {
                        return fromIdentifyData(ASN1Sequence.getInstance(otherName.getValue()));
                    }
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException | ClassCastException | IllegalStateException e) {
            throw new CertificateFileException(Reason.CORRUPT_CERTIFICATE, "identifyData in subjectAltName", e);
        }
    }

    /**
     * Checks that the certificate was issued for {@code idn}, using R from the private key. Hyphens in idn are
     * ignored ({@code 123-45-67890} and {@code 1234567890} are the same number).
     *
     * @param r R from {@link LoadedCertificate#randomNumber()}; null when the key has none
     * @throws CertificateFileException CORRUPT_CERTIFICATE when identifyData is present but malformed
     * @throws IllegalArgumentException when idn, without hyphens, is empty or not a PrintableString
     */
    public static VidCheck matches(X509Certificate certificate, String idn, byte[] r) {
        Optional<VirtualId> vid = read(certificate);
        if (vid.isEmpty()) {
            return VidCheck.NO_VID_IN_CERTIFICATE;
        }
        return vid.get().matches(idn, r);
    }

    /**
     * As {@link #matches(X509Certificate, String, byte[])}, for a VID already read.
     *
     * @throws IllegalArgumentException when idn, without hyphens, is empty or not a PrintableString
     */
    public VidCheck matches(String idn, byte[] r) {
        Objects.requireNonNull(idn, "idn");
        if (r == null || r.length == 0) {
            return VidCheck.NO_RANDOM_NUMBER;
        }
        String digestName = DIGEST_NAMES.get(hashAlgorithmOid);
        if (digestName == null) {
            return VidCheck.UNSUPPORTED_HASH_ALGORITHM;
        }
        byte[] expected = compute(digestName, idn.replace("-", ""), r);
        return MessageDigest.isEqual(expected, virtualId) ? VidCheck.MATCH : VidCheck.MISMATCH;
    }

    /** {@code H(H(DER(SEQ{ PrintableString idn, BIT STRING r })))}. */
    private static byte[] compute(String digestName, String idn, byte[] r) {
        if (idn.isEmpty() || !DERPrintableString.isPrintableString(idn)) {
            throw new IllegalArgumentException("idn must be a non-empty number without hyphens");
        }
        byte[] encoded = null;
        try {
            encoded = new DERSequence(new ASN1Encodable[] {new DERPrintableString(idn), new DERBitString(r)})
                    .getEncoded(ASN1Encoding.DER);
            MessageDigest digest = MessageDigest.getInstance(digestName);
            return digest.digest(digest.digest(encoded));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute the VID", e);
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    private static Optional<VirtualId> fromIdentifyData(ASN1Sequence identifyData) {
        String realName = ((ASN1String) identifyData.getObjectAt(0)).getString();
        if (identifyData.size() < 2) {
            return Optional.empty();
        }
        for (ASN1Encodable element : ASN1Sequence.getInstance(identifyData.getObjectAt(1))) {
            ASN1Sequence userInfo = ASN1Sequence.getInstance(element);
            if (NpkiOids.VID.equals(ASN1ObjectIdentifier.getInstance(userInfo.getObjectAt(0)))) {
                return Optional.of(fromVid(realName, ASN1Sequence.getInstance(userInfo.getObjectAt(1))));
            }
        }
        return Optional.empty();
    }

    /** {@code SEQ{ hashAlg AlgorithmIdentifier, [0] EXPLICIT OCTET STRING virtualID }}. */
    private static VirtualId fromVid(String realName, ASN1Sequence vid) {
        AlgorithmIdentifier hashAlgorithm = null;
        byte[] value = null;
        for (ASN1Encodable element : vid) {
            ASN1Primitive primitive = element.toASN1Primitive();
            if (primitive instanceof ASN1TaggedObject tagged) {
                value = ASN1OctetString.getInstance(tagged, true).getOctets();
            } else if (primitive instanceof ASN1Sequence) {
                hashAlgorithm = AlgorithmIdentifier.getInstance(primitive);
            }
        }
        if (hashAlgorithm == null || value == null) {
            throw new IllegalArgumentException("VID without hash algorithm or value");
        }
        return new VirtualId(realName, hashAlgorithm.getAlgorithm().getId(), value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VirtualId that && realName.equals(that.realName)
                && hashAlgorithmOid.equals(that.hashAlgorithmOid) && Arrays.equals(virtualId, that.virtualId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realName, hashAlgorithmOid, Arrays.hashCode(virtualId));
    }

    @Override
    public String toString() {
        return "VirtualId[realName=" + realName + ", hashAlgorithmOid=" + hashAlgorithmOid + ", virtualId="
                + HexFormat.of().formatHex(virtualId) + "]";
    }
}
