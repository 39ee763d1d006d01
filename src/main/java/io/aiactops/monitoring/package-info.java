/** Monitoring signals and Alertmanager alerts, checked against the action thresholds of the DMN table. */
package io.aiactops.monitoring;
