package io.billflow.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.billflow.workflow.ProcessCoverageRecorder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application as it runs: embedded PostgreSQL, GreenMail, the NTS simulator over HTTP and the
 * <b>real job executor</b>. These tests run in their own JVM (surefire execution {@code end-to-end}),
 * because one JVM holds one process engine; they wait with Awaitility instead of driving jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test", "e2e"})
@Import(ProcessCoverageRecorder.class)
public @interface BillflowEndToEndTest {
}
