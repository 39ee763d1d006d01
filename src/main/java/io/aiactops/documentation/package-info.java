/** Technical documentation (Annex IV) generated from live data, with a stored snapshot at each version activation and each signed review. */
package io.aiactops.documentation;
