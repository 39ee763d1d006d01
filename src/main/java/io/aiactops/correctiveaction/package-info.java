/** The one contract by which a capability asks for a corrective action (Art. 20); {@code maintenance} acts on it. */
package io.aiactops.correctiveaction;
