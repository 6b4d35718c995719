package io.billflow.platform.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background pollers (the mail outbox). {@code billflow.scheduling.enabled=false} switches them off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "billflow.scheduling", name = "enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
