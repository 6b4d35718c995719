package io.billflow.certificate.npki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Korean PKI object identifiers used in certificate and key files (docs/reference/pki.md §1 and §2). */
public final class NpkiOids {

    /** KISA seedCBC; the PBES2 encryption scheme and, on its own, the old key-file form. */
    public static final ASN1ObjectIdentifier SEED_CBC = new ASN1ObjectIdentifier("1.2.410.200004.1.4");
    /** KISA seedCBCWithSHA1 (PBKDF1-SHA1 + SEED-CBC). */
    public static final ASN1ObjectIdentifier SEED_CBC_WITH_SHA1 = new ASN1ObjectIdentifier("1.2.410.200004.1.15");
    /** KISA identifyData: the subjectAltName otherName holding the real name and the VID. */
    public static final ASN1ObjectIdentifier IDENTIFY_DATA = new ASN1ObjectIdentifier("1.2.410.200004.10.1.1");
    /** VID inside identifyData. */
    public static final ASN1ObjectIdentifier VID = new ASN1ObjectIdentifier("1.2.410.200004.10.1.1.1");
    /** encryptedVID inside identifyData (not checkable by us). */
    public static final ASN1ObjectIdentifier ENCRYPTED_VID = new ASN1ObjectIdentifier("1.2.410.200004.10.1.1.2");
    /** randomNum: the private-key attribute carrying R for the VID check. */
    public static final ASN1ObjectIdentifier RANDOM_NUM = new ASN1ObjectIdentifier("1.2.410.200004.10.1.1.3");

    private NpkiOids() {
    }
}
