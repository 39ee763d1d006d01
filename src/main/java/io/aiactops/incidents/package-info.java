/** Serious incidents (Art. 3(49), Art. 73): their classification, reporting deadlines and the legal clock those run on. */
package io.aiactops.incidents;
