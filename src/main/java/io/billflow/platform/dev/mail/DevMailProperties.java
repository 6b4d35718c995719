package io.billflow.platform.dev.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process SMTP server of the embedded default run.
 *
 * @param enabled  start GreenMail on loopback and send all mail there
 * @param smtpPort its port; 0 picks a free one (the tests)
 */
@ConfigurationProperties(prefix = "billflow.dev-mail")
public record DevMailProperties(boolean enabled, int smtpPort) {
}
