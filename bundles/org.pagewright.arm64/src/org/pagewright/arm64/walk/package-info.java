/** Translation of a kernel VA for an EL1 read, write or fetch, with the fault and FSC the MMU would report. */
package org.pagewright.arm64.walk;
