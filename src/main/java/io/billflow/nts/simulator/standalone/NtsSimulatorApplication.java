package io.billflow.nts.simulator.standalone;

import io.billflow.nts.simulator.NtsDocumentCheck;
import io.billflow.nts.simulator.NtsSimulator;
import io.billflow.nts.simulator.NtsSimulatorController;
import io.billflow.nts.simulator.NtsSimulatorSecurity;
import io.billflow.platform.time.TimeConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The NTS SIMULATOR on its own (the {@code nts} container in docker compose): only the simulator, its
 * security and the clock — no database, no engine, no mail. Start it from the application jar:
 * {@code java -Dloader.main=io.billflow.nts.simulator.standalone.NtsSimulatorApplication -cp billflow.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 * <p>
 * {@code @Profile} keeps the main application's component scan from picking this class up.
 */
@SpringBootConfiguration
@Profile(NtsSimulatorApplication.PROFILE)
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.jdbc.JdbcRepositoriesAutoConfiguration",
        "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
        "org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"})
@Import({TimeConfiguration.class, NtsDocumentCheck.class, NtsSimulator.class, NtsSimulatorController.class,
        NtsSimulatorSecurity.class})
public class NtsSimulatorApplication {

    public static final String PROFILE = "nts-simulator-standalone";

    public static void main(String[] args) {
        start(args);
    }

    public static org.springframework.context.ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(NtsSimulatorApplication.class)
                .profiles(PROFILE, "nts-simulator")
                .run(args);
    }

    /** Health for the container's check; everything else outside the simulator's API is closed. */
    @Bean
    @Order(10)
    SecurityFilterChain standaloneChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
