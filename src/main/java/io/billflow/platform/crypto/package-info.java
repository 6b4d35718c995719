/**
 * Envelope encryption for secrets at rest (key vault, sealed keys, key-encryption keys and their rotation). Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("crypto")
package io.billflow.platform.crypto;
