/** The automatic log register: append-only, hash-chained events per AI system, checkpoints, retention and evidence holds. */
package io.aiactops.logs;
