/** Read-only pages for people logged in to Tasklist: the AI systems and, for each, its state, metrics and open work. */
package io.aiactops.overview;
