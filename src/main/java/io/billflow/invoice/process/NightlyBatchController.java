package io.billflow.invoice.process;

import java.util.Map;

import io.billflow.workflow.BpmnIds.NtsTransmission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the nightly NTS batch now (admins), e.g. to try the whole path without waiting for 03:00. */
@RestController
@Tag(name = "Tax invoices")
class NightlyBatchController {

    private final RuntimeService runtimeService;

    public NightlyBatchController(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @PostMapping("/api/admin/nts/run-nightly-batch")
    @Operation(summary = "Start ntsTransmissionProcess now: queue, hand over and collect as at 03:00")
    public Map<String, String> runNow() {
        return Map.of("processInstanceId", runtimeService.startProcessInstanceByKey(NtsTransmission.PROCESS_ID).getId());
    }
}
