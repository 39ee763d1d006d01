/** Putting new model versions of an AI system into service, only when nothing forbids changing the system. */
package io.aiactops.deployment;
