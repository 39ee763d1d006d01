/** Built-in monitors: drift, bias, confidence, override, volume and missing-value signals computed from the log register. */
package io.aiactops.monitoring.builtin;
