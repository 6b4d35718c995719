package io.billflow.platform.mail;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Every SMTP sender of the application (dev GreenMail or the external server) uses TCP_NODELAY sockets. */
@Configuration(proxyBeanMethods = false)
class SmtpSocketConfiguration {

    @Bean
    public static BeanPostProcessor smtpNoDelaySockets() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender
                        && !sender.getJavaMailProperties().containsKey("mail.smtp.socketFactory")
                        && !Boolean.parseBoolean(sender.getJavaMailProperties().getProperty("mail.smtp.ssl.enable"))) {
                    sender.getJavaMailProperties().put("mail.smtp.socketFactory", new NoDelaySocketFactory());
                }
                return bean;
            }
        };
    }
}
