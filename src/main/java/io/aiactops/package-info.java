/** aiact-ops: case management for the production phase of high-risk AI systems (EU AI Act). */
package io.aiactops;
