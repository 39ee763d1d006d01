/** RFC 9457 problem responses for every error of the /api surface. */
package io.aiactops.platform.web;
