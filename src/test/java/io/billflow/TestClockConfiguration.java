package io.billflow;

import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application clock by a {@link MovableClock} in every Spring test. A plain
 * {@code @Configuration} on purpose: component scanning picks it up for the one shared test context, so no
 * test needs an annotation that would build a second context.
 */
@Configuration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    public MovableClock movableClock(ZoneId businessZone) {
        return new MovableClock(businessZone);
    }
}
