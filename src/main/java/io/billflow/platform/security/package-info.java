/**
 * Who the signed-in staff member is ({@code StaffIdentity}) and the HTTP security configuration. Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("security")
package io.billflow.platform.security;
