/** The incident-reporting regimes that run beside Art. 73 (GDPR, NIS2, DORA, MDR/IVDR): their stages and clocks. */
package io.aiactops.regimes;
