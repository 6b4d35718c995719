/**
 * Input policies for request fields (plain text, multi-line text, sane dates). Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("input")
package io.billflow.platform.web.input;
