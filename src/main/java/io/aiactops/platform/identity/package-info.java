/** Groups, their Camunda authorizations and the first administrator, created idempotently at start-up. */
package io.aiactops.platform.identity;
