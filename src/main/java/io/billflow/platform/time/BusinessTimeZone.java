package io.billflow.platform.time;

import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Business time is Asia/Seoul whatever the host says.
 *
 * <p>The Camunda engine evaluates cron timers in {@link ZoneId#systemDefault()} and writes due dates
 * into {@code timestamp without time zone} columns, so the JVM default zone <em>is</em> the engine's
 * zone. We pin it before any bean (engine, JDBC driver, job executor) is created. Runs for every
 * {@link SpringApplication}, tests included. The property {@code billflow.time-zone} may change it,
 * but every node of a cluster must then use the same value.
 */
public class BusinessTimeZone implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "billflow.time-zone";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        ZoneId zone = configured == null || configured.isBlank() ? DEFAULT_ZONE : ZoneId.of(configured);
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
    }

    @Override
    public int getOrder() {
        // after the config files are read (so billflow.time-zone is visible), before anything else
        return Ordered.LOWEST_PRECEDENCE;
    }
}
