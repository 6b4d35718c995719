/**
 * Sampled gauges and the metrics settings the modules' metrics adapters share. Shared kernel, named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("metrics")
package io.billflow.platform.metrics;
