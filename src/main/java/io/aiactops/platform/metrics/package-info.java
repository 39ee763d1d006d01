/** Metrics wiring shared by the capabilities, which each own their metric names and meters. */
package io.aiactops.platform.metrics;
