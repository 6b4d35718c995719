package io.billflow.certificate.testpki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * A complete, throwaway TEST PKI generated at test time with BouncyCastle (docs/reference/pki.md §5): nothing real,
 * nothing committed. A root CA (the {@link #trustAnchor()}), the intermediate
 * {@code cn=TEST yessignCA Class 9,ou=AccreditedCA,o=yessign,c=kr} (anyPolicy), a separate untrusted CA, and
 * end-entity certificates from {@link #endEntity()}; plus writers for the private key in every file format the
 * reader accepts.
 * <p>
 * RSA keys are cached for the JVM run by size and alias: two end entities built with the same alias share a key
 * pair, so give a different {@link EndEntityBuilder#keyAlias(String) alias} when a test needs another key.
 * <p>
 * The writers are deliberately independent of the production reader: the JDK's PBKDF2 and SHA-1, BC's JCE SEED
 * cipher, and hand-built ASN.1.
 */
public final class TestPki {

    /** The password of every test key file unless a test chooses another. */
    public static final String PASSWORD = "Test-Passw0rd!";
    /** A made-up 사업자등록번호 with a valid check digit. */
    public static final String BUSINESS_NUMBER = "1234567891";
    /** yessign 범용 기업 (docs/reference/pki.md §3). */
    public static final String POLICY_YESSIGN_CORPORATE = "1.2.410.200005.1.1.5";
    /** yessign 은행/보험용 개인: a banking-only certificate. */
    public static final String POLICY_YESSIGN_BANKING = "1.2.410.200005.1.1.4";
    /** yessign 전자세금용. */
    public static final String POLICY_YESSIGN_TAX_INVOICE = "1.2.410.200005.1.1.6.8";
    public static final String CPS_URI = "https://www.yessign.or.kr/TEST/cps.htm";

    static final ASN1ObjectIdentifier SEED_CBC = new ASN1ObjectIdentifier("1.2.410.200004.1.4");
    static final ASN1ObjectIdentifier SEED_CBC_WITH_SHA1 = new ASN1ObjectIdentifier("1.2.410.200004.1.15");
    static final ASN1ObjectIdentifier IDENTIFY_DATA = new ASN1ObjectIdentifier("1.2.410.200004.10.1.1");
    static final ASN1ObjectIdentifier VID = new ASN1ObjectIdentifier("1.2.410.200004.10.1.1.1");
    static final ASN1ObjectIdentifier RANDOM_NUM = new ASN1ObjectIdentifier("1.2.410.200004.10.1.1.3");
    static final ASN1ObjectIdentifier ANY_POLICY = new ASN1ObjectIdentifier("2.5.29.32.0");

    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final int DEFAULT_KEY_SIZE = 2048;

    private TestPki() {
    }

    /** A fresh copy of {@link #PASSWORD}; the reader's callers own (and may zero) their arrays. */
    public static char[] password() {
        return PASSWORD.toCharArray();
    }

    /** The TEST root CA: configure it as the trust anchor. */
    public static X509Certificate trustAnchor() {
        return Authorities.INSTANCE.root.certificate();
    }

    /** {@code cn=TEST yessignCA Class 9,ou=AccreditedCA,o=yessign,c=kr}, issued by the root, anyPolicy. */
    public static X509Certificate intermediateCa() {
        return Authorities.INSTANCE.intermediate.certificate();
    }

    /** A self-signed CA that nothing trusts, for certificates that must fail chain validation. */
    public static X509Certificate untrustedCa() {
        return Authorities.INSTANCE.untrusted.certificate();
    }

    public static EndEntityBuilder endEntity() {
        return new EndEntityBuilder();
    }

    /** An RSA key pair, generated once per JVM run for each (size, alias). */
    public static KeyPair keyPair(String alias, int bits) {
        return KEYS.computeIfAbsent(bits + "/" + alias, key -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(bits, RANDOM);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The hash of the VID in the subjectAltName: SHA-256 today, SHA-1 in old certificates. */
    public enum VidHash {
        SHA256("2.16.840.1.101.3.4.2.1", "SHA-256"),
        SHA1("1.3.14.3.2.26", "SHA-1");

        public final String oid;
        final String jcaName;

        VidHash(String oid, String jcaName) {
            this.oid = oid;
            this.jcaName = jcaName;
        }
    }

    /** The signPri.key forms of docs/reference/pki.md §1. */
    public enum KeyFormat {
        PBES2_SEED, SEED_CBC_WITH_SHA1, SEED_LEGACY
    }

    /** How the bags of a generated PKCS#12 file are encrypted. */
    public enum Pkcs12Encryption {
        /** Key and certificate bags under PBES2 + SEED-CBC (which {@code KeyStore} cannot read). */
        PBES2_SEED,
        /** Key and certificate bags under PBES2 + AES-256-CBC (OpenSSL 3's default). */
        PBES2_AES_256,
        /** Key and certificate bags under pbeWithSHAAnd3-KeyTripleDES-CBC (the classic PKCS#12 PBE). */
        PKCS12_3DES,
        /** Key bag under KISA seedCBCWithSHA1, certificate bags under PBES2 + SEED. */
        KISA_SEED_CBC_WITH_SHA1
    }

    /** Options for an end-entity certificate; every option has a realistic default. */
    public static final class EndEntityBuilder {

        private String businessNumber = BUSINESS_NUMBER;
        private String companyName = "(주)테스트상사";
        private VidHash vidHash = VidHash.SHA256;
        private boolean withVid = true;
        private byte[] randomNumber = randomBytes(20);
        private boolean randomNumberInKey = true;
        private String policyOid = POLICY_YESSIGN_CORPORATE;
        private Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        private Instant notAfter = notBefore.plus(Duration.ofDays(365));
        private int keySize = DEFAULT_KEY_SIZE;
        private String keyAlias = "end-entity";
        private boolean untrustedIssuer;

        private EndEntityBuilder() {
        }

        /** The 사업자등록번호 the VID is computed over (digits only). */
        public EndEntityBuilder businessNumber(String value) {
            this.businessNumber = value;
            return this;
        }

        public EndEntityBuilder companyName(String value) {
            this.companyName = value;
            return this;
        }

        public EndEntityBuilder vidHash(VidHash value) {
            this.vidHash = value;
            return this;
        }

        /** No identifyData in the subjectAltName at all. */
        public EndEntityBuilder withoutVid() {
            this.withVid = false;
            return this;
        }

        /** A chosen R (normally 20 random bytes). */
        public EndEntityBuilder randomNumber(byte[] value) {
            this.randomNumber = value.clone();
            return this;
        }

        /**
         * The key carries no randomNum attribute. The certificate's VID is still computed, with an R that nobody
         * keeps, as for a real key file that lost its R.
         */
        public EndEntityBuilder withoutRandomNumber() {
            this.randomNumberInKey = false;
            return this;
        }

        public EndEntityBuilder policy(String oid) {
            this.policyOid = oid;
            return this;
        }

        public EndEntityBuilder validity(Instant from, Instant until) {
            this.notBefore = from;
            this.notAfter = until;
            return this;
        }

        /** 2048 by default; 1024 for the weak-key case. */
        public EndEntityBuilder keySize(int bits) {
            this.keySize = bits;
            return this;
        }

        /** Certificates built with the same alias and size share their (cached) key pair. */
        public EndEntityBuilder keyAlias(String alias) {
            this.keyAlias = alias;
            return this;
        }

        /** Issued by {@link #untrustedCa()} instead of the TEST yessign intermediate. */
        public EndEntityBuilder signedByUntrustedCa() {
            this.untrustedIssuer = true;
            return this;
        }

        public EndEntity build() {
            Authority issuer = untrustedIssuer ? Authorities.INSTANCE.untrusted : Authorities.INSTANCE.intermediate;
            KeyPair keyPair = keyPair(keyAlias, keySize);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "kr")
                    .addRDN(BCStyle.O, "yessign")
                    .addRDN(BCStyle.OU, "corporation4EC")
                    .addRDN(BCStyle.OU, "TESTBANK")
                    .addRDN(BCStyle.CN, companyName + "()001" + businessNumber + "0001")
                    .build();
            try {
                JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(),
                        serialNumber(), Date.from(notBefore), Date.from(notAfter), subject, keyPair.getPublic())
                        .addExtension(Extension.authorityKeyIdentifier, false,
                                extensions.createAuthorityKeyIdentifier(issuer.certificate()))
                        .addExtension(Extension.subjectKeyIdentifier, false,
                                extensions.createSubjectKeyIdentifier(keyPair.getPublic()))
                        .addExtension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                        .addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                                new PolicyInformation(new ASN1ObjectIdentifier(policyOid),
                                        new DERSequence(new PolicyQualifierInfo(CPS_URI)))));
                if (withVid) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(identifyData(companyName, vidHash, businessNumber, randomNumber)));
                }
                X509Certificate certificate = sign(builder, issuer.keyPair().getPrivate());
                return new EndEntity(certificate, keyPair, randomNumberInKey ? randomNumber.clone() : null,
                        businessNumber, issuer.certificate());
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * An issued end-entity certificate with its key, R (null when the key carries none) and the business number of
     * its VID.
     */
    public record EndEntity(X509Certificate certificate, KeyPair keyPair, byte[] randomNumber, String businessNumber,
                            X509Certificate issuer) {

        public byte[] certificateDer() {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The PKCS#8 PrivateKeyInfo, DER, with R as the randomNum attribute when the key has one. */
        public byte[] privateKeyInfo() {
            return KeyFiles.privateKeyInfo(keyPair.getPrivate(), randomNumber);
        }

        /** The certificate and its issuer, leaf first. */
        public List<X509Certificate> chain() {
            return List.of(certificate, issuer);
        }

        public byte[] signPriKey(KeyFormat format, char[] password) {
            return KeyFiles.signPriKey(format, privateKeyInfo(), password);
        }

        /** A .pfx with the key, this certificate and its issuer (so the reader must pick the right one), MAC on. */
        public byte[] pkcs12(Pkcs12Encryption encryption, char[] password) {
            return KeyFiles.pkcs12(privateKeyInfo(), List.of(issuer, certificate), password, encryption, true);
        }
    }

    /** Writers for the private key in each file format, for any PrivateKeyInfo (even a deliberately wrong one). */
    public static final class KeyFiles {

        private static final int NPKI_SALT_LENGTH = 8;
        private static final int NPKI_ITERATIONS = 2048;
        private static final byte[] LEGACY_IV = "0123456789012345".getBytes(StandardCharsets.US_ASCII);

        private KeyFiles() {
        }

        /** PKCS#8 PrivateKeyInfo with {@code [0] { SEQ { randomNum, SET { BIT STRING R } } }} when R is given. */
        public static byte[] privateKeyInfo(PrivateKey key, byte[] randomNumber) {
            try {
                PrivateKeyInfo plain = PrivateKeyInfo.getInstance(key.getEncoded());
                if (randomNumber == null) {
                    return new PrivateKeyInfo(plain.getPrivateKeyAlgorithm(), plain.parsePrivateKey())
                            .getEncoded(ASN1Encoding.DER);
                }
                Attribute random = new Attribute(RANDOM_NUM, new DERSet(new DERBitString(randomNumber)));
                return new PrivateKeyInfo(plain.getPrivateKeyAlgorithm(), plain.parsePrivateKey(), new DERSet(random))
                        .getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static byte[] signPriKey(KeyFormat format, byte[] privateKeyInfo, char[] password) {
            return switch (format) {
                case PBES2_SEED -> pbes2Seed(privateKeyInfo, password);
                case SEED_CBC_WITH_SHA1 -> seedCbcWithSha1(privateKeyInfo, password);
                case SEED_LEGACY -> legacySeed(privateKeyInfo, password);
            };
        }

        /**
         * NPKI-exact PBES2, ASN.1 built by hand as dumped from a real key (docs/reference/pki.md §1): PBKDF2 with an
         * 8-byte salt and 2048 iterations, no PRF (so HMAC-SHA1) and no keyLength; SEED-CBC with an explicit
         * 16-byte IV. The key is derived by the JDK's PBKDF2, not BC's.
         */
        public static byte[] pbes2Seed(byte[] privateKeyInfo, char[] password) {
            byte[] salt = randomBytes(NPKI_SALT_LENGTH);
            byte[] iv = randomBytes(16);
            try {
                byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                        .generateSecret(new PBEKeySpec(password, salt, NPKI_ITERATIONS, 128)).getEncoded();
                ASN1Encodable kdf = new DERSequence(new ASN1Encodable[] {PKCSObjectIdentifiers.id_PBKDF2,
                        new DERSequence(new ASN1Encodable[] {new DEROctetString(salt),
                                new ASN1Integer(NPKI_ITERATIONS)})});
                ASN1Encodable scheme = new DERSequence(new ASN1Encodable[] {SEED_CBC, new DEROctetString(iv)});
                ASN1Encodable algorithm = new DERSequence(new ASN1Encodable[] {PKCSObjectIdentifiers.id_PBES2,
                        new DERSequence(new ASN1Encodable[] {kdf, scheme})});
                return encryptedPrivateKeyInfo(algorithm, seedCbc(key, iv, privateKeyInfo));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** KISA seedCBCWithSHA1: PBKDF1-SHA1, key DK[0..16], IV SHA1(DK[16..20])[0..16]. */
        public static byte[] seedCbcWithSha1(byte[] privateKeyInfo, char[] password) {
            byte[] salt = randomBytes(NPKI_SALT_LENGTH);
            byte[] derived = pbkdf1Sha1(password, salt, NPKI_ITERATIONS);
            byte[] iv = java.util.Arrays.copyOf(sha1(java.util.Arrays.copyOfRange(derived, 16, 20)), 16);
            byte[] key = java.util.Arrays.copyOf(derived, 16);
            return kisaFile(SEED_CBC_WITH_SHA1, salt, seedCbc(key, iv, privateKeyInfo));
        }

        /** The old form: algorithm seedCBC with {salt, iterations}, PBKDF1-SHA1 key, fixed IV "0123456789012345". */
        public static byte[] legacySeed(byte[] privateKeyInfo, char[] password) {
            byte[] salt = randomBytes(NPKI_SALT_LENGTH);
            byte[] key = java.util.Arrays.copyOf(pbkdf1Sha1(password, salt, NPKI_ITERATIONS), 16);
            return kisaFile(SEED_CBC, salt, seedCbc(key, LEGACY_IV, privateKeyInfo));
        }

        /**
         * A PKCS#12 file: the key in a shrouded key bag, the certificates in an encrypted safe, R kept inside the
         * PrivateKeyInfo, and an HMAC-SHA256 MAC unless {@code withMac} is false.
         */
        public static byte[] pkcs12(byte[] privateKeyInfo, List<X509Certificate> certificates, char[] password,
                                    Pkcs12Encryption encryption, boolean withMac) {
            try {
                byte[] localKeyId = randomBytes(20);
                PKCS12SafeBag keyBag;
                if (encryption == Pkcs12Encryption.KISA_SEED_CBC_WITH_SHA1) {
                    keyBag = new PKCS12SafeBag(new SafeBag(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag,
                            EncryptedPrivateKeyInfo.getInstance(seedCbcWithSha1(privateKeyInfo, password)),
                            new DERSet(new Attribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                                    new DERSet(new DEROctetString(localKeyId))))));
                } else {
                    keyBag = new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(privateKeyInfo),
                            encryptor(encryption, password))
                            .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString("TEST"))
                            .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                                    new DEROctetString(localKeyId))
                            .build();
                }
                List<PKCS12SafeBag> certificateBags = new ArrayList<>();
                for (X509Certificate certificate : certificates) {
                    certificateBags.add(new PKCS12SafeBagBuilder(new JcaX509CertificateHolder(certificate)).build());
                }
                PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder()
                        .addEncryptedData(encryptor(encryption, password),
                                certificateBags.toArray(new PKCS12SafeBag[0]))
                        .addData(keyBag);
                JcePKCS12MacCalculatorBuilder mac = withMac
                        ? new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setProvider(BC)
                        : null;
                return builder.build(mac, password).getEncoded(ASN1Encoding.DER);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static OutputEncryptor encryptor(Pkcs12Encryption encryption, char[] password) throws Exception {
            ASN1ObjectIdentifier algorithm = switch (encryption) {
                case PBES2_SEED, KISA_SEED_CBC_WITH_SHA1 -> SEED_CBC;
                case PBES2_AES_256 -> NISTObjectIdentifiers.id_aes256_CBC;
                case PKCS12_3DES -> PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC;
            };
            return new JcePKCSPBEOutputEncryptorBuilder(algorithm).setProvider(BC).setIterationCount(NPKI_ITERATIONS)
                    .build(password);
        }

        private static byte[] kisaFile(ASN1ObjectIdentifier algorithm, byte[] salt, byte[] ciphertext) {
            ASN1Encodable algorithmIdentifier = new DERSequence(new ASN1Encodable[] {algorithm,
                    new DERSequence(new ASN1Encodable[] {new DEROctetString(salt), new ASN1Integer(NPKI_ITERATIONS)})});
            return encryptedPrivateKeyInfo(algorithmIdentifier, ciphertext);
        }

        private static byte[] encryptedPrivateKeyInfo(ASN1Encodable algorithm, byte[] ciphertext) {
            try {
                return new DERSequence(new ASN1Encodable[] {algorithm, new DEROctetString(ciphertext)})
                        .getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** PKCS#5 PBKDF1 with SHA-1, by the JDK's digest: SHA-1 applied {@code iterations} times. */
        static byte[] pbkdf1Sha1(char[] password, byte[] salt, int iterations) {
            byte[] passwordBytes = new String(password).getBytes(StandardCharsets.UTF_8);
            byte[] input = new byte[passwordBytes.length + salt.length];
            System.arraycopy(passwordBytes, 0, input, 0, passwordBytes.length);
            System.arraycopy(salt, 0, input, passwordBytes.length, salt.length);
            byte[] derived = sha1(input);
            for (int i = 1; i < iterations; i++) {
                derived = sha1(derived);
            }
            return derived;
        }

        private static byte[] sha1(byte[] input) {
            try {
                return MessageDigest.getInstance("SHA-1").digest(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] seedCbc(byte[] key, byte[] iv, byte[] plaintext) {
            try {
                Cipher cipher = Cipher.getInstance("SEED/CBC/PKCS5Padding", BC);
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "SEED"), new IvParameterSpec(iv));
                return cipher.doFinal(plaintext);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The VID of docs/reference/pki.md §2: H(H(DER(SEQ{ PrintableString idn, BIT STRING R }))). */
    public static byte[] virtualId(VidHash hash, String idn, byte[] randomNumber) {
        try {
            byte[] encoded = new DERSequence(new ASN1Encodable[] {new DERPrintableString(idn),
                    new DERBitString(randomNumber)}).getEncoded(ASN1Encoding.DER);
            MessageDigest digest = MessageDigest.getInstance(hash.jcaName);
            return digest.digest(digest.digest(encoded));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subjectAltName otherName KISA identifyData carrying realName and the VID. */
    private static GeneralName identifyData(String realName, VidHash hash, String idn, byte[] randomNumber) {
        ASN1Encodable vid = new DERSequence(new ASN1Encodable[] {
                new AlgorithmIdentifier(new ASN1ObjectIdentifier(hash.oid)),
                new DERTaggedObject(true, 0, new DEROctetString(virtualId(hash, idn, randomNumber)))});
        ASN1Encodable userInfo = new DERSequence(new ASN1Encodable[] {VID, vid});
        ASN1Encodable identifyData = new DERSequence(new ASN1Encodable[] {new DERUTF8String(realName),
                new DERSequence(userInfo)});
        return new GeneralName(GeneralName.otherName, new OtherName(IDENTIFY_DATA, identifyData));
    }

    private static BigInteger serialNumber() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(issuerKey));
            // Through the JDK factory, so that the JDK's PKIX validator takes it as its own.
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Authority(X509Certificate certificate, KeyPair keyPair) {
    }

    /** The three CAs, generated on first use. */
    private static final class Authorities {

        static final Authorities INSTANCE = new Authorities();

        final Authority root;
        final Authority intermediate;
        final Authority untrusted;

        private Authorities() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            root = selfSigned(new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "kr")
                    .addRDN(BCStyle.O, "KISA")
                    .addRDN(BCStyle.OU, "Korea Certification Authority Central")
                    .addRDN(BCStyle.CN, "TEST KISA RootCA 9")
                    .build(), "root-ca", now);
            intermediate = intermediate(root, now);
            untrusted = selfSigned(new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "kr")
                    .addRDN(BCStyle.O, "yessign")
                    .addRDN(BCStyle.OU, "AccreditedCA")
                    .addRDN(BCStyle.CN, "TEST Untrusted CA")
                    .build(), "untrusted-ca", now);
        }

        private static Authority selfSigned(X500Name name, String alias, Instant now) {
            KeyPair keyPair = keyPair(alias, DEFAULT_KEY_SIZE);
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serialNumber(),
                        Date.from(now.minus(Duration.ofDays(3650))), Date.from(now.plus(Duration.ofDays(3650))),
                        name, keyPair.getPublic());
                addCaExtensions(builder, keyPair.getPublic(), null);
                return new Authority(sign(builder, keyPair.getPrivate()), keyPair);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Authority intermediate(Authority root, Instant now) {
            KeyPair keyPair = keyPair("intermediate-ca", DEFAULT_KEY_SIZE);
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "kr")
                    .addRDN(BCStyle.O, "yessign")
                    .addRDN(BCStyle.OU, "AccreditedCA")
                    .addRDN(BCStyle.CN, "TEST yessignCA Class 9")
                    .build();
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root.certificate(), serialNumber(),
                        Date.from(now.minus(Duration.ofDays(1000))), Date.from(now.plus(Duration.ofDays(2000))),
                        name, keyPair.getPublic());
                addCaExtensions(builder, keyPair.getPublic(), root.certificate());
                builder.addExtension(Extension.certificatePolicies, false,
                        new CertificatePolicies(new PolicyInformation(ANY_POLICY)));
                return new Authority(sign(builder, root.keyPair().getPrivate()), keyPair);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void addCaExtensions(X509v3CertificateBuilder builder, PublicKey key, X509Certificate issuer)
                throws GeneralSecurityException, IOException {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true,
                            issuer == null ? new BasicConstraints(true) : new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(Objects.requireNonNull(issuer)));
            }
        }
    }
}
