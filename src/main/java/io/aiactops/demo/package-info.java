/** Demo users and the demo AI system for the zero-setup run (default profile only). */
package io.aiactops.demo;
