package io.billflow.workflow;

import java.net.URI;
import java.util.List;

import io.billflow.platform.security.StaffIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/process-instances")
@Tag(name = "Process instances", description = "Start and follow billflow processes (api-clients)")
class ProcessInstanceController {

    private final ProcessInstanceService service;

    public ProcessInstanceController(ProcessInstanceService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Start a process instance as the calling user")
    public ResponseEntity<ProcessInstanceView> start(@Valid @RequestBody StartProcessRequest request,
                                                     Authentication caller) {
        ProcessInstanceView started = service.start(StaffIdentity.of(caller), request);
        return ResponseEntity.created(URI.create("/api/process-instances/" + started.id())).body(started);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One process instance, running or ended")
    public ProcessInstanceView get(@PathVariable String id, Authentication caller) {
        return service.get(StaffIdentity.of(caller), id);
    }

    @GetMapping
    @Operation(summary = "Find process instances by process id and/or business key, newest first")
    public List<ProcessInstanceView> search(@RequestParam(required = false) String processDefinitionKey,
                                            @RequestParam(required = false) String businessKey,
                                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int maxResults,
                                            Authentication caller) {
        return service.search(StaffIdentity.of(caller), processDefinitionKey, businessKey, maxResults);
    }
}
