package io.billflow.certificate.npki;

/** How the private key was protected in the uploaded file (docs/reference/pki.md §1). */
public enum KeyEncryptionScheme {
    /** PKCS#5 PBES2: PBKDF2-HMAC-SHA1 and SEED-CBC ({@code 1.2.410.200004.1.4}) with an explicit IV. */
    PBES2_SEED,
    /** KISA seedCBCWithSHA1 ({@code 1.2.410.200004.1.15}): PBKDF1-SHA1, IV = SHA1(DK[16..20])[0..16]. */
    SEED_CBC_WITH_SHA1,
    /** Old form: seedCBC ({@code 1.2.410.200004.1.4}) keyed by PBKDF1-SHA1, fixed IV "0123456789012345". */
    SEED_LEGACY,
    /** A PKCS#12 (.pfx/.p12) file; the shrouded key bag may use any of the schemes PKCS#12 readers know. */
    PKCS12
}
