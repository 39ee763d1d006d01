/** Authentication of every HTTP surface against Camunda's identity service, and API tokens. */
package io.aiactops.platform.security;
