package io.billflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.platform.camunda.TasklistFilters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operations and settlement managers find their filters in Tasklist (Camunda's REST API, as Tasklist reads them). */
@BillflowSpringTest
class TasklistFiltersTest {

    @LocalServerPort
    int port;

    @Test
    void everyStaffGroupSeesTheWorkFilters() {
        TestHttp http = new TestHttp(port);
        for (String user : new String[] {"operator", "manager"}) {
            String filters = http.getBasic("/engine-rest/filter?resourceType=Task", user, user).body();
            TasklistFilters.FILTERS.forEach(filter -> assertThat(filters).as(user).contains(filter.name()));
        }
        String failures = http.getBasic("/engine-rest/filter?name=" + java.net.URLEncoder.encode("국세청 전송 실패",
                java.nio.charset.StandardCharsets.UTF_8), "operator", "operator").body();
        String id = failures.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        assertThat(http.getBasic("/engine-rest/filter/" + id + "/count", "operator", "operator").statusCode()).isEqualTo(200);
        assertThat(http.getBasic("/engine-rest/filter?resourceType=Task", "nobody", "nobody").statusCode()).isEqualTo(401);
    }
}
