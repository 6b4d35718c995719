package io.billflow.certificate.npki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

import io.billflow.certificate.npki.CertificateFileException.Reason;

/**
 * The password-based schemes BouncyCastle decrypts itself: PKCS#5 PBES2 with PBKDF2 (any cipher BC knows,
 * including SEED-CBC, whose 128-bit key size BC's {@code DefaultSecretKeySizeProvider} supplies when the file has
 * no keyLength, docs/reference/pki.md §1) and the PKCS#12 PBE family ({@code 1.2.840.113549.1.12.1.*}).
 */
final class StandardPbe {

    private StandardPbe() {
    }

    /** A decryptor provider for PKCS#12 encrypted content that refuses excessive work before BC starts it. */
    static InputDecryptorProvider guardedProvider(char[] password, Reason corrupt) {
        InputDecryptorProvider provider = bcProvider(password);
        return algorithm -> {
            checkSupported(algorithm, corrupt);
            return provider.get(algorithm);
        };
    }

    /**
     * Decrypts and unpads. The caller owns and must zero the result, and must still parse it: a valid padding
     * does not prove the password.
     */
    static byte[] decrypt(AlgorithmIdentifier algorithm, byte[] ciphertext, char[] password, Reason corrupt) {
        checkSupported(algorithm, corrupt);
        InputDecryptor decryptor;
        try {
            decryptor = bcProvider(password).get(algorithm);
        } catch (OperatorCreationException | RuntimeException e) {
            throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION, describe(algorithm));
        }
        // Read into one buffer of known size (the plaintext is never longer than the ciphertext) so that the
        // only plaintext copies we hold are ones we can zero.
        byte[] buffer = new byte[ciphertext.length];
        int length = 0;
        try (InputStream plaintext = decryptor.getInputStream(new ByteArrayInputStream(ciphertext))) {
            int read;
            while (length < buffer.length && (read = plaintext.read(buffer, length, buffer.length - length)) > 0) {
                length += read;
            }
            if (plaintext.read() != -1) {
                throw new CertificateFileException(corrupt, "decrypted data longer than the ciphertext");
            }
        } catch (IOException | RuntimeException e) {
            Arrays.fill(buffer, (byte) 0);
            if (e instanceof CertificateFileException known) {
                throw known;
            }
            // BC reports a bad padding as an IOException (InvalidCipherTextIOException).
            throw new WrongPasswordException();
        }
        try {
            return Arrays.copyOf(buffer, length);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    /** Refuses unknown schemes, key derivations other than PBKDF2 and excessive iteration counts. */
    static void checkSupported(AlgorithmIdentifier algorithm, Reason corrupt) {
        try {
            if (PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
                PBES2Parameters parameters = PBES2Parameters.getInstance(algorithm.getParameters());
                if (!PKCSObjectIdentifiers.id_PBKDF2.equals(parameters.getKeyDerivationFunc().getAlgorithm())) {
                    throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION,
                            "PBES2 key derivation " + parameters.getKeyDerivationFunc().getAlgorithm().getId());
                }
                PBKDF2Params kdf = PBKDF2Params.getInstance(parameters.getKeyDerivationFunc().getParameters());
                IterationLimit.check(kdf.getIterationCount(), describe(algorithm), corrupt);
            } else if (algorithm.getAlgorithm().on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
                PKCS12PBEParams parameters = PKCS12PBEParams.getInstance(algorithm.getParameters());
                IterationLimit.check(parameters.getIterations(), describe(algorithm), corrupt);
            } else {
                throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION, describe(algorithm));
            }
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new CertificateFileException(corrupt, "parameters of " + algorithm.getAlgorithm().getId(), e);
        }
    }

    /** The OID, and for PBES2 the cipher inside, so an unsupported-format message names what was found. */
    static String describe(AlgorithmIdentifier algorithm) {
        if (PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            try {
                PBES2Parameters parameters = PBES2Parameters.getInstance(algorithm.getParameters());
                return "algorithm " + algorithm.getAlgorithm().getId() + " (PBES2) with encryption scheme "
                        + parameters.getEncryptionScheme().getAlgorithm().getId();
            } catch (RuntimeException e) {
                return "algorithm " + algorithm.getAlgorithm().getId() + " (PBES2)";
            }
        }
        return "algorithm " + algorithm.getAlgorithm().getId();
    }

    private static InputDecryptorProvider bcProvider(char[] password) {
        return new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password);
    }
}
