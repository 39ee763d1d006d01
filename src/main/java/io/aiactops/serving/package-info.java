/** Inference logs straight from the serving stack: CloudEvents, with KServe's inference logger as the first producer. */
package io.aiactops.serving;
