/** Technical wiring only (engine, security, web errors, identity bootstrap); no domain logic. */
package io.aiactops.platform;
