package io.billflow.platform.dev.mail;

import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * GreenMail as the mail server of the embedded default run: an SMTP server on 127.0.0.1 that keeps
 * every message in memory for the {@code /dev/mailbox} page. Local profile only.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnProperty(prefix = "billflow.dev-mail", name = "enabled", havingValue = "true")
class DevMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevMailConfiguration.class);

    @Bean(destroyMethod = "stop")
    public GreenMail devMailServer(DevMailProperties properties) {
        // port 0: pick a free port once, so a restarted server (tests simulate outages) comes back on it
        int port = properties.smtpPort() == 0 ? freePort() : properties.smtpPort();
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(smtp);
        greenMail.start();
        log.info("Dev mail server (GreenMail) listening on smtp://127.0.0.1:{}; read mail at /dev/mailbox",
                greenMail.getSmtp().getPort());
        return greenMail;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port for the dev mail server", e);
        }
    }

    /** Replaces Spring Boot's mail sender: in the local run every message goes to GreenMail. */
    @Bean
    public JavaMailSenderImpl mailSender(GreenMail devMailServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(devMailServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        return sender;
    }
}
