/**
 * The audit trail every module writes to: {@code AuditLog} and its entries. Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("audit")
package io.billflow.platform.audit;
