package io.billflow.workflow;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Start a process. Variables carry ids and flags only (strings up to 4,000 characters, numbers,
 * booleans); business data belongs in billflow's tables.
 */
public record StartProcessRequest(
        @Schema(example = "reverseInvoiceProcess")
        @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{0,254}", message = "must be a BPMN process id")
        String processDefinitionKey,
        @Schema(example = "INV-2026-000123")
        @Size(max = 255) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with white space")
        String businessKey,
        @Size(max = 50, message = "must hold at most 50 variables")
        Map<String, Object> variables) {
}
