/** RFC 9457 problem responses for every error of the /api surface, and its OpenAPI description. */
package io.aiactops.platform.web;
