package io.billflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.billflow.workflow.ProcessCoverageRecorder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real port: embedded PostgreSQL 17 (throw-away data), GreenMail, demo
 * users, the NTS simulator reached over HTTP (with {@link NodeCrashSimulation}), job executor off, and process coverage recorded ({@link ProcessCoverageRecorder}). Every test class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
@Import({NodeCrashSimulation.class, ProcessCoverageRecorder.class})
public @interface BillflowSpringTest {
}
