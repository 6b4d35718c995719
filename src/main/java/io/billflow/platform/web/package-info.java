/**
 * The errors every REST adapter throws and their application/problem+json rendering. Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("web")
package io.billflow.platform.web;
