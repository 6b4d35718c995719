package io.billflow.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application: inject it, never call {@code now()} without it. */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    @Bean
    public ZoneId businessZone(@Value("${" + BusinessTimeZone.PROPERTY + ":Asia/Seoul}") String zone) {
        return ZoneId.of(zone);
    }

    @Bean
    public Clock clock(ZoneId businessZone) {
        return Clock.system(businessZone);
    }
}
