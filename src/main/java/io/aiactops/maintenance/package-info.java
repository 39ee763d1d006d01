/** Maintenance (Arts. 20, 72, 79): corrective actions and their follow-up. */
package io.aiactops.maintenance;
