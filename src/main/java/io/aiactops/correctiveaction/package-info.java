/**
 * The one contract by which a capability asks for a corrective action (Art. 20): it publishes a
 * {@link io.aiactops.correctiveaction.CorrectiveActionRequested} event, and {@code maintenance} starts the
 * {@code corrective-action} process from it in the publishing transaction. Only the contract lives here,
 * so that {@code incidents} and {@code oversight} need not depend on {@code maintenance}.
 */
package io.aiactops.correctiveaction;
