/** Reading times from API input: ISO-8601 instants, fast on the ingest path. */
package io.aiactops.platform.time;
