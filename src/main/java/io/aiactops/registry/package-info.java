/** The AI systems we operate, where they are used, who deploys them, and their model versions. */
package io.aiactops.registry;
