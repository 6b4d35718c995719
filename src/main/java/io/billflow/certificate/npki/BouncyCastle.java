package io.billflow.certificate.npki;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One BouncyCastle provider instance, handed to BC builders explicitly rather than registered JVM-wide. */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
