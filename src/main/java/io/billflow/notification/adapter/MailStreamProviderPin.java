package io.billflow.notification.adapter;

import jakarta.mail.util.StreamProvider;
import org.springframework.util.ClassUtils;

/**
 * Names jakarta.mail's {@link StreamProvider} (Angus Mail's) in the system property that jakarta.mail's
 * factory lookup reads first. Without it every {@code MimeUtility} encode/decode and every new body part
 * looks the provider up with a {@code ServiceLoader} scan of the whole class path: measured, that was
 * two fifths of the mail worker's CPU, taken from the nightly batch on the same cores. A value set by
 * the operator (-D) is kept.
 */
final class MailStreamProviderPin {

    static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProviderPin() {
    }

    static void pinIfAbsent() {
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null
                && ClassUtils.isPresent(ANGUS_PROVIDER, MailStreamProviderPin.class.getClassLoader())) {
            System.setProperty(property, ANGUS_PROVIDER);
        }
    }
}
