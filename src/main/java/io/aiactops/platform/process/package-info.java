/** Typed process variables and other engine wiring shared by every process. */
package io.aiactops.platform.process;
