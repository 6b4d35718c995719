package io.billflow.platform.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code billflow.metrics.*}.
 *
 * @param sampleTtl how long the business gauges' counts are reused before our tables are asked again
 */
@ConfigurationProperties(prefix = "billflow.metrics")
public record MetricsProperties(@DefaultValue("PT15S") Duration sampleTtl) {
}
