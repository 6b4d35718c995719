package io.billflow.certificate.npki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12PBMac1CalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;

import io.billflow.certificate.npki.CertificateFileException.Reason;

/** PKCS#12 reading for {@link NpkiReader#readPkcs12}. */
final class Pkcs12Reader {

    private Pkcs12Reader() {
    }

    static LoadedCertificate read(byte[] encoded, char[] password) {
        PKCS12PfxPdu pfx = parse(encoded);
        if (pfx.hasMac()) {
            verifyMac(pfx, password);
        }
        Contents contents = Contents.of(pfx, password);
        if (contents.keys().isEmpty()) {
            throw new CertificateFileException(Reason.NO_KEY_IN_PKCS12);
        }
        if (contents.keys().size() > 1) {
            throw new CertificateFileException(Reason.MULTIPLE_KEYS_IN_PKCS12,
                    contents.keys().size() + " keys");
        }
        if (contents.certificates().isEmpty()) {
            throw new CertificateFileException(Reason.NO_CERTIFICATE_IN_PKCS12);
        }
        byte[] plaintext = contents.keys().get(0).decrypt(password);
        try {
            DecryptedKey key = DecryptedKey.parse(plaintext);
            key.requireRsa();
            X509Certificate certificate = contents.certificates().stream()
                    .filter(candidate -> key.matches(candidate.getPublicKey()))
                    .findFirst()
                    .orElseThrow(() -> new CertificateFileException(Reason.KEY_CERT_MISMATCH));
            key.requireMatches(certificate.getPublicKey());
            return new LoadedCertificate(certificate, key.der(), key.randomNumber(), KeyEncryptionScheme.PKCS12);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static PKCS12PfxPdu parse(byte[] encoded) {
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(encoded);
            pfx.getContentInfos(); // fail here, as corrupt, rather than halfway through reading the bags
            return pfx;
        } catch (IOException | RuntimeException e) {
            throw new CertificateFileException(Reason.CORRUPT_PKCS12, null, e);
        }
    }

    private static void verifyMac(PKCS12PfxPdu pfx, char[] password) {
        AlgorithmIdentifier algorithm = pfx.getMacAlgorithmID();
        PKCS12MacCalculatorBuilderProvider calculators;
        if (PKCSObjectIdentifiers.id_PBMAC1.equals(algorithm.getAlgorithm())) {
            // RFC 9579: the work factor is in the PBKDF2 parameters; MacData's iteration count is ignored.
            checkPbmac1Iterations(algorithm);
            calculators = new BcPKCS12PBMac1CalculatorBuilderProvider();
        } else {
            MacData macData = pfx.toASN1Structure().getMacData();
            IterationLimit.check(macData.getIterationCount(), "PKCS#12 MAC", Reason.CORRUPT_PKCS12);
            calculators = new JcePKCS12MacCalculatorBuilderProvider().setProvider(BouncyCastle.PROVIDER);
        }
        boolean valid;
        try {
            valid = pfx.isMacValid(calculators, password);
        } catch (PKCSException | RuntimeException e) {
            throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION,
                    "PKCS#12 MAC algorithm " + algorithm.getAlgorithm().getId());
        }
        if (!valid) {
            throw new WrongPasswordException();
        }
    }

    private static void checkPbmac1Iterations(AlgorithmIdentifier algorithm) {
        PBMAC1Params parameters;
        try {
            parameters = PBMAC1Params.getInstance(algorithm.getParameters());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CertificateFileException(Reason.CORRUPT_PKCS12, "PBMAC1 parameters", e);
        }
        AlgorithmIdentifier kdf = parameters.getKeyDerivationFunc();
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION,
                    "PBMAC1 key derivation " + kdf.getAlgorithm().getId());
        }
        try {
            IterationLimit.check(PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount(), "PBMAC1",
                    Reason.CORRUPT_PKCS12);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CertificateFileException(Reason.CORRUPT_PKCS12, "PBMAC1 parameters", e);
        }
    }

    /** A private key found in a bag: shrouded (encrypted) or, rarely, in the clear. */
    private sealed interface KeyBag {

        /** The PrivateKeyInfo bytes, unverified; the caller owns and zeroes them. */
        byte[] decrypt(char[] password);
    }

    private record ShroudedKeyBag(EncryptedPrivateKeyInfo encrypted) implements KeyBag {

        @Override
        public byte[] decrypt(char[] password) {
            return NpkiReader.decrypt(encrypted, password);
        }
    }

    private record PlainKeyBag(PrivateKeyInfo info) implements KeyBag {

        @Override
        public byte[] decrypt(char[] password) {
            try {
                return info.getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new CertificateFileException(Reason.CORRUPT_PKCS12, "key bag");
            }
        }
    }

    private record Contents(List<KeyBag> keys, List<X509Certificate> certificates) {

        static Contents of(PKCS12PfxPdu pfx, char[] password) {
            Contents contents = new Contents(new ArrayList<>(), new ArrayList<>());
            for (ContentInfo info : pfx.getContentInfos()) {
                for (PKCS12SafeBag bag : bagsOf(info, password)) {
                    contents.add(bag);
                }
            }
            return contents;
        }

        /** Reads the raw bag structures rather than BC's converted bag values, whose types vary by bag. */
        private void add(PKCS12SafeBag bag) {
            SafeBag safeBag = bag.toASN1Structure();
            try {
                if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(safeBag.getBagId())) {
                    keys.add(new ShroudedKeyBag(EncryptedPrivateKeyInfo.getInstance(safeBag.getBagValue())));
                } else if (PKCSObjectIdentifiers.keyBag.equals(safeBag.getBagId())) {
                    keys.add(new PlainKeyBag(PrivateKeyInfo.getInstance(safeBag.getBagValue())));
                } else if (PKCSObjectIdentifiers.certBag.equals(safeBag.getBagId())) {
                    CertBag certBag = CertBag.getInstance(safeBag.getBagValue());
                    if (PKCSObjectIdentifiers.x509Certificate.equals(certBag.getCertId())) {
                        byte[] der = ASN1OctetString.getInstance(certBag.getCertValue()).getOctets();
                        certificates.add(Certificates.parse(der, Reason.CORRUPT_PKCS12));
                    }
                }
                // CRL, secret and nested safe-contents bags carry nothing we need.
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new CertificateFileException(Reason.CORRUPT_PKCS12, "bag " + safeBag.getBagId().getId(), e);
            }
        }

        private static PKCS12SafeBag[] bagsOf(ContentInfo info, char[] password) {
            try {
                if (PKCSObjectIdentifiers.data.equals(info.getContentType())) {
                    return new PKCS12SafeBagFactory(info).getSafeBags();
                }
                if (PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())) {
                    return decryptBags(info, password);
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new CertificateFileException(Reason.CORRUPT_PKCS12, "content " + info.getContentType(), e);
            }
            // envelopedData: PKCS#12 public-key privacy mode, not used for certificate export.
            throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION,
                    "PKCS#12 content type " + info.getContentType().getId());
        }

        private static PKCS12SafeBag[] decryptBags(ContentInfo info, char[] password) {
            AlgorithmIdentifier algorithm = EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm();
            try {
                return new PKCS12SafeBagFactory(info, StandardPbe.guardedProvider(password, Reason.CORRUPT_PKCS12))
                        .getSafeBags();
            } catch (PKCSException e) {
                if (e.getCause() instanceof CertificateFileException known) {
                    throw known;
                }
                if (e.getCause() instanceof OperatorCreationException) {
                    throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION,
                            StandardPbe.describe(algorithm));
                }
                // A bad padding, or bytes that decrypted with a wrong key and do not parse as bags.
                throw new WrongPasswordException();
            } catch (IllegalArgumentException | ClassCastException | IllegalStateException garbage) {
                // the padding of a wrong key's output passes by chance (about 1 in 256 for CBC) and the "plaintext"
                // is no SafeContents: without a MAC only a wrong password explains it (the structure around parsed)
                throw new WrongPasswordException();
            }
        }
    }
}
