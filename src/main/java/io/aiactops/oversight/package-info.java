/** Human oversight (Art. 14): alert reviews, the stop button, the safe-state confirmation and resuming. */
package io.aiactops.oversight;
