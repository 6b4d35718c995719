package io.billflow.certificate;

import io.billflow.certificate.testpki.TestPki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes the TEST PKI's root and intermediate certificates to a temporary folder before any test runs
 * and publishes it as the system property {@code billflow.test-pki.dir}, which the test profile uses as
 * trust anchors. All test classes therefore share one Spring context (one process engine per JVM).
 */
public class TestPkiFiles implements LauncherSessionListener {

    public static final String PROPERTY = "billflow.test-pki.dir";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("billflow-test-pki");
            Files.write(dir.resolve("root.der"), TestPki.trustAnchor().getEncoded());
            Files.write(dir.resolve("intermediate.der"), TestPki.intermediateCa().getEncoded());
            System.setProperty(PROPERTY, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
